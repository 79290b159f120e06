package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.OutputFiles;
import org.labelbridge.testing.PngSpecDecoder;

/**
 * Every corpus sample converted through the pipeline to every target that paints PNG masks:
 * each PNG written decodes, by a decoder written from the PNG specification and by ImageIO,
 * to the same pixels; and the output zip is the same bytes each time.
 */
class PaintedPngsTest {

    private static final List<String> PAINTING = List.of("voc", "segmentation_mask", "camvid", "cityscapes", "kitti",
            "mots");

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyPaintedPngDecodesToTheSamePixelsByTwoDecoders(String sample) throws IOException {
        Assumptions.assumeTrue(CorpusMatrix.readable(sample), sample + ": no format reads it");
        for (String target : PAINTING) {
            CorpusMatrix.Outcome outcome = CorpusMatrix.convert(sample, target, work, CorpusMatrix.SKIP_PROBLEMS);
            if (!outcome.converted()) {
                continue; // what a target refuses is its own tests' concern
            }
            for (Path png : OutputFiles.matching(outcome.output(), "**.png")) {
                byte[] bytes = Files.readAllBytes(png);
                if (!writtenByThisEncoder(bytes)) {
                    continue; // a copied image
                }
                PngSpecDecoder.Image decoded = PngSpecDecoder.decode(bytes);
                Raster raster = ImageIO.read(new ByteArrayInputStream(bytes)).getRaster();
                int[] byImageIo = new int[decoded.width() * decoded.height()];
                for (int y = 0; y < decoded.height(); y++) {
                    for (int x = 0; x < decoded.width(); x++) {
                        byImageIo[y * decoded.width() + x] = raster.getNumBands() >= 3 ? raster.getSample(x, y, 0) << 16
                                | raster.getSample(x, y, 1) << 8 | raster.getSample(x, y, 2) : raster.getSample(x, y, 0);
                    }
                }
                assertArrayEquals(byImageIo, decoded.samples(), outcome + ": " + outcome.output().relativize(png));
            }
        }
    }

    @Test
    void outputZipIsTheSameBytesEachTime() throws IOException {
        for (String target : PAINTING) {
            byte[] first = convert("coco_1.0/coco_instances", target, "first-" + target + ".zip");
            byte[] second = convert("coco_1.0/coco_instances", target, "second-" + target + ".zip");
            assertArrayEquals(first, second, target);
        }
    }

    private byte[] convert(String sample, String target, String name) throws IOException {
        Converter.convert(new ConversionRequest(Corpus.path(sample), ConversionRequest.AUTO, target,
                ConversionOptions.DEFAULTS, work.resolve(name)));
        return Files.readAllBytes(work.resolve(name));
    }

    /** Our encoder's PNGs: IHDR first, 8 or 16 bits, grey, RGB or palette, not interlaced, no ancillary chunks. */
    private static boolean writtenByThisEncoder(byte[] png) {
        if (png.length < 33) {
            return false;
        }
        int depth = png[24], type = png[25], interlace = png[28];
        String next = new String(png, 37, 4, java.nio.charset.StandardCharsets.US_ASCII);
        boolean plainNext = next.equals("IDAT") || next.equals("PLTE");
        return (depth == 8 || depth == 16 && type == 0) && (type == 0 || type == 2 || type == 3) && interlace == 0
                && plainNext;
    }
}
