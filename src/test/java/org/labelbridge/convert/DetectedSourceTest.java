package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;

class DetectedSourceTest {

    @TempDir
    Path tmp;

    /** Recognises a dataset by one marker file at its root. */
    private record MarkerFormat(String id, String marker, int confidence) implements Format {
        @Override
        public FormatDescriptor descriptor() {
            return new FormatDescriptor(id, id + " 1.0", true, false, Set.of(), Set.of(), "");
        }

        @Override
        public Detection detect(DatasetSource source) {
            return source.exists(marker) ? new Detection(confidence, marker) : Detection.NONE;
        }
    }

    private DatasetSource dataset(String... files) throws IOException {
        for (String f : files) {
            Files.createDirectories(tmp.resolve(f).getParent());
            Files.writeString(tmp.resolve(f), "");
        }
        return DirectorySource.of(tmp);
    }

    @Test
    void picksTheMostConfidentAndDescendsSingleFolders() throws IOException {
        DatasetSource source = dataset("export/my_dataset/obj.names", "export/my_dataset/obj.data");
        DetectedSource d = DetectedSource.detect(source, List.of(
                new MarkerFormat("loose", "obj.names", Detection.WEAK),
                new MarkerFormat("darknet", "obj.data", Detection.STRONG)), "in.zip");
        assertEquals("darknet", d.format().id());
        assertEquals("export/my_dataset/", d.rootPath());
        assertEquals(List.of("obj.data", "obj.names"), d.root().files());
        assertEquals(List.of("darknet", "loose"), d.candidates().stream().map(DetectedSource.Candidate::format).toList());
    }

    @Test
    void aWeakAnswerAtTheTopGivesWayToAStrongerOneInsideItsSingleFolder() throws IOException {
        // A VOC zip of voc_dataset1/...: VOC's detector sees an annotation file anywhere below, weakly.
        DatasetSource source = dataset("voc_dataset1/ImageSets/Main/train.txt", "voc_dataset1/Annotations/a.xml");
        DetectedSource d = DetectedSource.detect(source, List.of(new ScanningFormat("voc", "a.xml")), "in.zip");
        assertEquals("voc_dataset1/", d.rootPath());
        assertEquals(Detection.STRONG, d.detection().confidence());
    }

    /** Answers weakly wherever {@code name} is below the root, strongly when it is at {@code Annotations/}. */
    private record ScanningFormat(String id, String name) implements Format {
        @Override
        public FormatDescriptor descriptor() {
            return new FormatDescriptor(id, id + " 1.0", true, false, Set.of(), Set.of(), "");
        }

        @Override
        public Detection detect(DatasetSource source) {
            if (source.exists("Annotations/" + name)) {
                return new Detection(Detection.STRONG, "Annotations/" + name);
            }
            return source.files().stream().anyMatch(f -> f.endsWith("/" + name)) ? new Detection(Detection.WEAK, name)
                    : Detection.NONE;
        }
    }

    @Test
    void aTieIsAnErrorNamingBoth() throws IOException {
        DatasetSource source = dataset("a.json");
        FormatException e = assertThrows(FormatException.class, () -> DetectedSource.detect(source, List.of(
                new MarkerFormat("one", "a.json", Detection.MEDIUM),
                new MarkerFormat("two", "a.json", Detection.MEDIUM)), "in.zip"));
        assertEquals("in.zip: ambiguous format, equally likely: one (a.json), two (a.json); name one with --from",
                e.getMessage());
    }

    @Test
    void nothingRecognisedIsAnErrorListingWhatWasTried() throws IOException {
        DatasetSource source = dataset("x/readme.txt");
        FormatException e = assertThrows(FormatException.class, () -> DetectedSource.detect(source, List.of(
                new MarkerFormat("one", "a.json", Detection.MEDIUM),
                new MarkerFormat("two", "b.xml", Detection.MEDIUM)), "in.zip"));
        assertEquals("in.zip: no known dataset format found (looked in x/); tried: one, two", e.getMessage());
    }
}
