package org.labelbridge.format.segmask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labelbridge.format.segmask.SegmentationMaskReaderTest.FORMAT;
import static org.labelbridge.format.segmask.SegmentationMaskReaderTest.SAMPLE;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

class SegmentationMaskDetectAndErrorsTest {

    @TempDir
    Path dir;

    @Test
    void detectsItsSampleFromItsPngMasks() throws IOException {
        Detection detection = FORMAT.detect(Corpus.source(SAMPLE));
        assertEquals(Detection.STRONG, detection.confidence());
        assertEquals("ImageSets/Segmentation/test.txt and PNG masks (SegmentationClass/2007_000001.png)", detection.evidence());
    }

    @Test
    void declinesEveryOtherCorpusSample() throws IOException {
        List<String> claimed = new ArrayList<>();
        int samples = 0;
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> children = Files.list(format)) {
                    for (Path sample : children.filter(Files::isDirectory).sorted().toList()) {
                        String name = Corpus.ROOT.relativize(sample).toString().replace('\\', '/');
                        if (name.equals(SAMPLE)) {
                            continue;
                        }
                        samples++;
                        if (FORMAT.detect(Corpus.source(name)).matched()) {
                            claimed.add(name);
                        }
                    }
                }
            }
        }
        assertTrue(samples > 40, "corpus samples seen: " + samples);
        assertEquals(List.of(), claimed); // pascal_voc_1.1 has the same masks, but is the voc format's
    }

    @Test
    void colourNotInTheLabelMapNamesFileAndPixel() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/train.txt", "a\n")
                .rgb("SegmentationClass/a.png", 1, 3, 0x000000, 0x010203, 0x000000);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("!/SegmentationClass/a.png, pixel (1, 0): colour (1, 2, 3) is not a label"
                + " colour in the default VOC label map (there is no labelmap.txt)"), e.getMessage());
    }

    @Test
    void greyValueBeyondTheLabelsNamesFileAndPixel() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("labelmap.txt", "background:0,0,0::\ncat:1,1,1::\n")
                .file("ImageSets/Segmentation/train.txt", "a\n")
                .grey("SegmentationClass/a.png", 2, 2, 0, 1, 1, 5);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("!/SegmentationClass/a.png, pixel (1, 1): grey value 5 is not a label index"
                + " (the label map has 2 labels, 0..1)"), e.getMessage());
    }

    @Test
    void paletteIndexBeyondThePaletteNamesTheFile() throws IOException {
        // 8-bit palette PNG, 2 x 1 pixels, a 2-colour palette and a pixel of index 2
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/train.txt", "a\n")
                .bytes("SegmentationObject/a.png", paletteDeclaringTwoColoursUsingThree());
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("!/SegmentationObject/a.png: palette index 2 is beyond the palette (2 colours)"),
                e.getMessage());
    }

    private static byte[] paletteDeclaringTwoColoursUsingThree() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(png, "IHDR", new byte[] {0, 0, 0, 2, 0, 0, 0, 1, 8, 3, 0, 0, 0});
        chunk(png, "PLTE", new byte[] {0, 0, 0, (byte) 128, 0, 0});
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream zip = new DeflaterOutputStream(pixels)) {
            zip.write(new byte[] {0, 1, 2});
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(data.length);
        o.writeBytes(type);
        o.write(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        o.writeInt((int) crc.getValue());
    }

    @Test
    void corruptPngNamesTheFile() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/train.txt", "a\n")
                .bytes("SegmentationObject/a.png", new byte[] {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I'});
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().contains("!/SegmentationObject/a.png: not a readable image"), e.getMessage());
    }

    @Test
    void brokenLabelMapNamesFileAndLine() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("labelmap.txt", "# label:color_rgb:parts:actions\nbackground:0,0,0::\ncat:1,1\n")
                .file("ImageSets/Segmentation/train.txt", "a\n");
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("!/labelmap.txt, line 3: expected 4 ':'-separated fields"
                + " (name:r,g,b:parts:actions), got 2"), e.getMessage());
    }

    @Test
    void classAndInstanceMapsOfDifferentSizesAreRefused() throws IOException {
        SampleDataset sample = SampleDataset.at(dir)
                .file("ImageSets/Segmentation/train.txt", "a\n")
                .rgb("SegmentationClass/a.png", 1, 2, 0, 0)
                .rgb("SegmentationObject/a.png", 2, 2, 0, 0, 0, 0);
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, sample.source()));
        assertTrue(e.getMessage().endsWith("!/SegmentationObject/a.png: instance mask is 2x2 but the class mask"
                + " SegmentationClass/a.png is 2x1"), e.getMessage());
    }

    @Test
    void emptyFolderIsNotADataset() {
        assertEquals(Detection.NONE, assertDoesNotThrowDetect());
        FormatException e = assertThrows(FormatException.class, () -> Datasets.read(FORMAT, SampleDataset.at(dir).source()));
        assertTrue(e.getMessage().contains("not a Segmentation mask dataset"), e.getMessage());
    }

    private Detection assertDoesNotThrowDetect() {
        try {
            return FORMAT.detect(SampleDataset.at(dir).source());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
