package org.labelbridge.format.icdar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.model.Polygon;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's ICDAR imports (Datumaro's {@code icdar_format}: {@code _IcdarExtractor}'s
 * {@code _load_recognition_items}, {@code _load_localization_items},
 * {@code _load_segmentation_items}) read, checked on the output of every corpus sample for the
 * three ICDAR targets. See the package documentation.
 */
class IcdarConsumerContractTest {

    @TempDir
    Path work;

    private Outcome convert(String sample, String target) {
        Outcome outcome = CorpusMatrix.forContract(sample, target, work);
        return outcome;
    }

    /** {@code <image>, "<caption>"}: split at {@code ", "} into two, the caption in quotes (else dropped with a warning). */
    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void recognitionReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = convert(sample, "icdar_recognition");
        List<Path> files = OutputFiles.matching(outcome.output(), "**gt.txt");
        assertFalse(files.isEmpty(), outcome + ": no <subset>/gt.txt");
        for (Path file : files) {
            for (String line : OutputFiles.lines(file)) {
                String at = outcome + " " + outcome.output().relativize(file) + ": " + line;
                String[] parts = line.strip().split(", ", -1);
                if (parts.length == 1) {
                    assertTrue(parts[0].endsWith(","), at + ": an image without caption is '<image>,'");
                    continue;
                }
                assertEquals(2, parts.length, at + ": one ', ' between image and caption");
                assertTrue(parts[1].length() >= 2 && parts[1].startsWith("\"") && parts[1].endsWith("\""),
                        at + ": the caption in quotes");
            }
        }
    }

    /** {@code x1,y1,...,x4,y4,"text"} or {@code xmin,ymin,xmax,ymax,"text"}: numbers, then one quoted text. */
    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void localizationReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = convert(sample, "icdar_localization");
        List<Path> files = OutputFiles.matching(outcome.output(), "**gt_*.txt");
        for (Path file : files) {
            for (String line : OutputFiles.lines(file)) {
                String at = outcome + " " + outcome.output().relativize(file) + ": " + line;
                String[] quoted = line.split("\"", -1);
                assertTrue(quoted.length == 1 || quoted.length == 3, at + ": text in one pair of quotes, no quote in it");
                String numbers = quoted[0].strip();
                if (numbers.endsWith(",")) {
                    numbers = numbers.substring(0, numbers.length() - 1);
                }
                String[] values = numbers.contains(",") ? numbers.split("\\s*,\\s*") : numbers.split("\\s+");
                assertTrue(values.length == 4 || values.length >= 8 && values.length % 2 == 0,
                        at + ": 4 box values or a polygon of 4 or more points (5 to 7 values read as a box)");
                for (String value : values) {
                    assertTrue(OutputFiles.isFloat(value), at + ": " + value + " is float()-read");
                }
            }
        }
    }

    /** {@code R G B cx cy x1 y1 x2 y2 "c"} lines; each colour one character's, present in the BMP of the image's size. */
    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void segmentationReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = convert(sample, "icdar_segmentation");
        for (Path file : OutputFiles.matching(outcome.output(), "**_GT.txt")) {
            String where = outcome + " " + outcome.output().relativize(file);
            Set<Integer> colours = new HashSet<>();
            for (String line : OutputFiles.lines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] words = line.strip().split("\\s+", 10);
                assertEquals(10, words.length, where + ": 'R G B cx cy x1 y1 x2 y2 \"c\"': " + line);
                for (int k = 0; k < 3; k++) {
                    assertTrue(OutputFiles.isInt(words[k]), where + ": colour " + words[k] + ": " + line);
                }
                int colour = Integer.parseInt(words[0]) << 16 | Integer.parseInt(words[1]) << 8
                        | Integer.parseInt(words[2]);
                assertTrue(colours.add(colour), where + ": two characters of one colour: " + line);
            }
            Path bmp = file.resolveSibling(OutputFiles.stem(file) + ".bmp");
            if (colours.isEmpty() && !java.nio.file.Files.isRegularFile(bmp)) {
                continue; // no characters, no size known: see the package documentation
            }
            assertTrue(java.nio.file.Files.isRegularFile(bmp),
                    where + ": no " + bmp.getFileName() + " (the importer's detect requires it beside the .txt)");
            Raster mask = OutputFiles.pixels(bmp);
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int colour = mask.getSample(x, y, 0) << 16 | mask.getSample(x, y, 1) << 8 | mask.getSample(x, y, 2);
                    if (colour != 0xFFFFFF && !colours.contains(colour)) {
                        throw new AssertionError(where + ": BMP pixel " + x + "," + y + " colour "
                                + Integer.toHexString(colour) + " is no listed character's");
                    }
                }
            }
            Path image = OutputFiles.imageNamed(file.resolveSibling("images"),
                    OutputFiles.stem(file).replaceFirst("_GT$", ""));
            OutputFiles.assertImageSize(outcome, where, mask, image);
        }
    }

    @Test
    void aTriangleIsWrittenAsFourPointsNotAsSixValuesCvatReadsAsABox() throws IOException {
        Datasets.Converted out = Datasets.convert(Corpus.path("cvat_images_1.1/ovd_export_task"), "auto",
                "icdar_localization", work.resolve("triangle"), ConversionOptions.DEFAULTS);
        List<String> lines = OutputFiles.lines(work.resolve("triangle/text_localization/train/gt_img1.txt"));
        assertTrue(lines.contains("1,2,3,4,6,5,6,5"), "the triangle as 4 points, its last repeated: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.equals("1,2,3,4,6,5")), lines.toString());
        Polygon polygon = out.output().item("train", "img1").annotations().stream()
                .filter(a -> a instanceof Polygon p && p.points()[0] == 1 && p.points()[1] == 2)
                .map(Polygon.class::cast).findFirst().orElseThrow();
        assertArrayEquals(new double[] {1, 2, 3, 4, 6, 5, 6, 5}, polygon.points());
        assertEquals(1, out.count("a triangle written with its last point repeated"));
    }

    @Test
    void anItemWithoutCharactersGetsAWhiteBitmapSoCvatDetectsTheFormat() throws IOException {
        Datasets.Converted out = Datasets.convert(Corpus.path("coco_1.0/coco_captions"), "auto",
                "icdar_segmentation", work.resolve("blank"), ConversionOptions.DEFAULTS);
        List<Path> texts = OutputFiles.matching(work.resolve("blank"), "**_GT.txt");
        assertFalse(texts.isEmpty());
        for (Path text : texts) {
            Path bmp = text.resolveSibling(OutputFiles.stem(text) + ".bmp");
            Raster raster = OutputFiles.pixels(bmp);
            for (int y = 0; y < raster.getHeight(); y++) {
                for (int x = 0; x < raster.getWidth(); x++) {
                    assertEquals(0xFFFFFF, raster.getSample(x, y, 0) << 16 | raster.getSample(x, y, 1) << 8
                            | raster.getSample(x, y, 2), bmp + " is all white");
                }
            }
        }
        assertTrue(out.output().items().stream().allMatch(i -> i.annotations().isEmpty()), "no character read back");
    }
}
