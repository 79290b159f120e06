package org.labelbridge.format.mot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The detector knows MOT and nothing else; broken files name their file and line. */
class MotDetectAndErrorsTest {

    private static final MotFormat FORMAT = new MotFormat();

    @Test
    void detectsTheCorpusSequence() throws IOException {
        Detection detection = FORMAT.detect(Corpus.source("mot_1.1/mot_seq"));
        assertEquals(Detection.STRONG, detection.confidence());
        assertEquals("gt/gt.txt: MOT rows (frame, track, x, y, w, h, ...)", detection.evidence());
    }

    @Test
    void aGtFileThatDoesNotStartWithARowIsOnlyMedium(@TempDir Path dir) throws IOException {
        MotReaderTest.write(dir, "gt/gt.txt", "frame,track\n");
        assertEquals(Detection.MEDIUM, FORMAT.detect(DirectorySource.of(dir)).confidence());
    }

    @Test
    void declinesEveryOtherCorpusSample() throws IOException {
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                if (format.getFileName().toString().equals("mot_1.1")) {
                    continue;
                }
                try (Stream<Path> samples = Files.list(format)) {
                    for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                        if (FORMAT.detect(DirectorySource.of(sample)).matched()) {
                            claimed.add(Corpus.ROOT.relativize(sample).toString());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
    }

    @Test
    void isRegistered() {
        assertEquals("MOT 1.1", Formats.byId("mot").orElseThrow().descriptor().displayName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,1,1,1,2,2,1,1,1\\n2,1,x,1,2,2       | gt/gt.txt, line 2: the x must be a number, got 'x'",
        "1,1,1,1,2                           | gt/gt.txt, line 1: expected at least 6 comma-separated values (frame, track, x, y, w, h), got 5",
        "\\n\\n0,1,1,1,2,2                   | gt/gt.txt, line 3: frame 0: MOT numbers frames from 1",
        "1.5,1,1,1,2,2                       | gt/gt.txt, line 1: the frame must be a whole number, got '1.5'",
        "1,1,1,1,2,2,1,3,1                   | gt/gt.txt, line 1: class id 3, but there are 2 labels",
        "1,1,1,1,2,2,1,0,1                   | gt/gt.txt, line 1: class id 0: MOT numbers classes from 1 (-1 for none)",
    })
    void aBrokenRowNamesItsFileAndLine(String gt, String message, @TempDir Path dir) throws IOException {
        MotReaderTest.write(dir, "gt/labels.txt", "person\ncar\n");
        MotReaderTest.write(dir, "gt/gt.txt", gt.replace("\\n", "\n"));
        FormatException error = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/" + message, error.getMessage());
    }

    @Test
    void aBlankLineBetweenLabelsIsAnError(@TempDir Path dir) throws IOException {
        MotReaderTest.write(dir, "gt/labels.txt", "person\n\ncar\n\n");
        MotReaderTest.write(dir, "gt/gt.txt", "1,1,1,1,2,2,1,1,1\n");
        FormatException error = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/gt/labels.txt, line 2: a blank line between label names: line n names "
                + "class n, so a label cannot be empty", error.getMessage());
    }

    @Test
    void aBadSeqinfoNamesItsLine(@TempDir Path dir) throws IOException {
        MotReaderTest.write(dir, "gt/gt.txt", "1,1,1,1,2,2,1,1,1\n");
        MotReaderTest.write(dir, "seqinfo.ini", "[Sequence]\nimDir=img1\nseqLength=many\nimWidth=4\nimHeight=4\n"
                + "imExt=.jpg\n");
        FormatException error = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/seqinfo.ini, line 3: seqLength must be a positive whole number, got 'many'",
                error.getMessage());
    }

    @Test
    void withoutGtTxtThereIsNoSequence(@TempDir Path dir) throws IOException {
        MotReaderTest.write(dir, "gt/labels.txt", "person\n");
        FormatException error = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/gt/gt.txt: missing: a MOT sequence has its boxes in gt/gt.txt",
                error.getMessage());
    }
}
