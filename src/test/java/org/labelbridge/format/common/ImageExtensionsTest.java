package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.datumaro.DatumaroFormat;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/**
 * Every format that finds images by their extension takes the same files for images:
 * Datumaro's list (so a {@code .tga} is an image and a {@code .gif} is not; VOC and darknet
 * YOLO used to miss the first, ImageNet and YOLO took the second), and Ultralytics' own list
 * for the Ultralytics layouts.
 */
class ImageExtensionsTest {

    private static final String VOC_XML = "<annotation><filename>%s.jpg</filename><size><width>20</width>"
            + "<height>10</height><depth>3</depth></size><object><name>dog</name><bndbox><xmin>1</xmin><ymin>1</ymin>"
            + "<xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>";

    @TempDir
    Path tmp;

    @Test
    void vocFindsATgaImageByItsId() throws IOException {
        Loaded out = convert("voc", Map.of("Annotations/a.xml", VOC_XML.formatted("a"), "JPEGImages/a.tga", "tga",
                "ImageSets/Main/default.txt", "a\n"));

        assertTrue(out.item("a").media().path().endsWith("a.tga"), out.item("a").media().path());
    }

    @Test
    void darknetYoloLooseLayoutFindsATgaImageAndNotAGif() throws IOException {
        Loaded out = convert("yolo", Map.of("obj.names", "dog\n", "labels/a.txt", "", "Images/a.tga", "tga",
                "labels/b.txt", "", "Images/b.gif", "gif"));

        assertTrue(out.item("a").media().path().endsWith("a.tga"), out.item("a").media().path());
        assertNull(out.item("b").media().path());
    }

    @Test
    void imageNetTakesATgaForAnImageAndNotAGif() throws IOException {
        Loaded out = convert("imagenet", Map.of("dog/a.tga", "tga", "dog/b.gif", "gif"));

        assertEquals(List.of("dog/a"), ids(out));
        assertTrue(out.item("dog/a").media().path().endsWith("a.tga"));
    }

    @Test
    void ultralyticsTakesWhatItsTrainerTakes() throws IOException {
        ConversionResult result = Converter.convert(new ConversionRequest(
                folder(Map.of("data.yaml", "names: [dog]\ntrain: images/train\n", "images/train/a.heic", "heic",
                        "labels/train/a.txt", "", "images/train/b.pgm", "pgm")),
                "ultralytics_detection", "datumaro", ConversionOptions.DEFAULTS, tmp.resolve("out")));

        Loaded out = Datasets.read(new DatumaroFormat(), DirectorySource.of(tmp.resolve("out")));
        assertEquals(List.of("a"), ids(out));
        assertTrue(result.report().entries().stream().map(ConversionReport.Entry::reason)
                .anyMatch(r -> r.contains("not images and were skipped, e.g. images/train/b.pgm")));
    }

    private static List<String> ids(Loaded dataset) {
        return dataset.items().stream().map(Item::id).toList();
    }

    private Loaded convert(String from, Map<String, String> files) throws IOException {
        Converter.convert(new ConversionRequest(folder(files), from, "datumaro", ConversionOptions.DEFAULTS,
                tmp.resolve("out")));
        return Datasets.read(new DatumaroFormat(), DirectorySource.of(tmp.resolve("out")));
    }

    private Path folder(Map<String, String> files) throws IOException {
        Path in = tmp.resolve("in");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = in.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return in;
    }
}
