package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Zips;

/**
 * The content checks every conversion runs, whatever the formats: each kind of problem fails
 * the conversion naming the item and annotation, or with {@code on_problem=skip} is left out
 * and listed in the report. The dataset: two labels; images {@code images/a.png} (40x30).
 */
class ContentChecksTest {

    @TempDir
    Path tmp;

    private static final AnnotationInfo CAR = AnnotationInfo.of(0);
    private static final Media A_PNG = new Media("images/a.png", 40, 30);

    private DirectorySource source() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in/images"));
        Files.write(dir.resolve("a.png"), png(40, 30));
        return DirectorySource.of(tmp.resolve("in"));
    }

    private ContentChecks checks(ProblemPolicy policy, ConversionReport report) throws IOException {
        return new ContentChecks(2, source(), ConversionOptions.DEFAULTS.with("on_problem", policy.id()), "set.zip", report);
    }

    private static Item item(String id, Media media, Annotation... annotations) {
        return new Item(id, "train", media, List.of(annotations));
    }

    static Stream<Arguments> badAnnotations() {
        return Stream.of(
                Arguments.of(new Bbox(CAR, 1, 2, Double.NaN, 4), "non_finite_coordinates", "x, y, w, h, rotation: value 2 is NaN"),
                Arguments.of(new Polygon(CAR, new double[] {0, 0, Double.POSITIVE_INFINITY, 1, 2, 2}),
                        "non_finite_coordinates", "points: value 2 is Infinity"),
                Arguments.of(new Bbox(CAR, 10, 10, -5, 4), "inverted_coordinates", "width -5.0 is negative"),
                Arguments.of(new Ellipse(CAR, 5, 5, 2, -1, 0), "inverted_coordinates", "y radius -1.0 is negative"),
                Arguments.of(new Cuboid3d(CAR, List.of(0.0, Double.NaN, 0.0), List.of(0.0, 0.0, 0.0), List.of(1.0, -2.0, 1.0)),
                        "non_finite_coordinates", "position: value 1 is NaN"),
                Arguments.of(new Bbox(AnnotationInfo.of(2), 1, 1, 1, 1), "unknown_label",
                        "label index 2, but the categories have 2 labels"),
                Arguments.of(new Tag(AnnotationInfo.of(-1)), "unknown_label", "label index -1, but the categories have 2 labels"),
                Arguments.of(new Skeleton(CAR, List.of(new Points(AnnotationInfo.of(1), new double[] {1, 1}),
                        new Points(AnnotationInfo.of(5), new double[] {2, 2}))), "unknown_label",
                        "node 1: label index 5, but the categories have 2 labels"),
                Arguments.of(new Mask(CAR, new Rle(10, 10, new int[] {100})), "mask_size_mismatch",
                        "mask is 10x10, the image 40x30"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badAnnotations")
    void aBadAnnotationFailsTheConversionNamingWhereItIs(Annotation bad, String type, String detail) throws IOException {
        ContentChecks checks = checks(ProblemPolicy.FAIL, new ConversionReport(ProblemPolicy.FAIL, "set.zip"));
        Item item = item("a", A_PNG, new Bbox(CAR, 1, 1, 2, 2), bad);

        FormatException e = assertThrows(FormatException.class, () -> checks.apply(item));

        assertEquals("set.zip: item 'a' (subset 'train'), annotations[1] (" + bad.kind().id() + "): " + detail
                + " (" + type + "); with option on_problem=skip the annotation is left out and listed in the report"
                + " instead", e.getMessage());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badAnnotations")
    void aBadAnnotationIsSkippedAndListedWithItsPlace(Annotation bad, String type, String detail) throws IOException {
        ConversionReport report = new ConversionReport(ProblemPolicy.SKIP, "set.zip");
        Bbox good = new Bbox(CAR, 1, 1, 2, 2);

        Item checked = checks(ProblemPolicy.SKIP, report).apply(item("a", A_PNG, good, bad, good));

        assertEquals(List.of(good, good), checked.annotations());
        assertEquals(List.of(new ContentProblem(ContentProblem.Type.valueOf(type.toUpperCase()), "a", "train", 1,
                bad.kind().id(), detail)), report.problems());
        ConversionReport.Entry entry = report.entries().get(0);
        assertEquals("skipped", entry.action());
        assertEquals(bad.kind().id(), entry.kind());
        assertTrue(entry.reason().startsWith("annotation skipped: "), entry.reason());
    }

    @Test
    void aMaskOfMorePixelsThanAMaskMayHaveIsAProblemBeforeAWriterDecodesIt() throws IOException {
        Mask huge = new Mask(CAR, new Rle(40_000, 40_000, new int[] {1_600_000_000}));

        FormatException e = assertThrows(FormatException.class, () -> checks(ProblemPolicy.FAIL, new ConversionReport(ProblemPolicy.FAIL, "set.zip"))
                .apply(item("a", Media.NONE, huge)));

        assertTrue(e.getMessage().startsWith("set.zip: item 'a' (subset 'train'), annotations[0] (mask): mask is"
                + " 40000x40000, more than the 67108864 pixels a mask may have (mask_too_large)"), e.getMessage());
    }

    @Test
    void goodItemsPassUnchanged() throws IOException {
        Item item = item("a", A_PNG, new Bbox(CAR, 0, 0, 0, 0), new Polygon(AnnotationInfo.EMPTY, new double[] {0, 0, 1, 1, 2, 0}),
                new Mask(CAR, new Rle(30, 40, new int[] {1200})),
                new Ellipse(AnnotationInfo.of(1), 1, 1, 0, 0, 30));
        ConversionReport report = new ConversionReport(ProblemPolicy.SKIP, "set.zip");

        assertSame(item, checks(ProblemPolicy.FAIL, report).apply(item));
        assertTrue(report.entries().isEmpty());
    }

    @Test
    void aSecondItemWithTheSameIdInASubsetIsAProblemInAnotherSubsetNot() throws IOException {
        ConversionReport report = new ConversionReport(ProblemPolicy.SKIP, "set.zip");
        ContentChecks checks = checks(ProblemPolicy.SKIP, report);
        Item first = item("a", Media.NONE);
        Item otherSubset = new Item("a", "val", Media.NONE, List.of());

        assertSame(first, checks.apply(first));
        assertSame(otherSubset, checks.apply(otherSubset));
        assertNull(checks.apply(item("a", Media.NONE, new Bbox(CAR, 1, 1, 1, 1))));

        assertEquals(List.of(new ContentProblem(ContentProblem.Type.DUPLICATE_ITEM_ID, "a", "train", null, "item",
                "a second item with id 'a' in subset 'train'")), report.problems());
        assertEquals("item skipped: another item of the subset has the same id (on_problem=skip)",
                report.entries().get(0).reason());

        FormatException e = assertThrows(FormatException.class, () -> {
            ContentChecks failing = checks(ProblemPolicy.FAIL, new ConversionReport(ProblemPolicy.FAIL, "set.zip"));
            failing.apply(first);
            failing.apply(first);
        });
        assertEquals("set.zip: item 'a' (subset 'train'): a second item with id 'a' in subset 'train'"
                + " (duplicate_item_id); with option on_problem=skip the item is left out and listed in the report instead",
                e.getMessage());
    }

    @Test
    void anItemWhoseImageTheInputLacksIsKeptByDefaultAndReported() throws IOException {
        Item missing = item("b", new Media("images/b.png", 40, 30), new Bbox(CAR, 1, 1, 1, 1));
        ConversionReport report = new ConversionReport(ProblemPolicy.FAIL, "set.zip");

        assertSame(missing, checks(ProblemPolicy.FAIL, report).apply(missing));

        ConversionReport.Entry entry = report.entries().get(0);
        assertEquals("item", entry.action());
        assertEquals("image not in the input: written without it (missing_image; missing_images=keep)", entry.reason());
        assertEquals(List.of("b"), entry.examples());
    }

    @Test
    void optionMissingImagesSkipsOrFailsTheItem() throws IOException {
        Item missing = item("b", new Media("images/b.png", 40, 30), new Bbox(CAR, 1, 1, 1, 1));
        ConversionReport report = new ConversionReport(ProblemPolicy.FAIL, "set.zip");
        ContentChecks skipping = new ContentChecks(2, source(), ConversionOptions.DEFAULTS.with("missing_images", "skip"),
                "set.zip", report);

        assertNull(skipping.apply(missing));
        assertEquals(1, report.droppedItems());
        assertEquals("dropped item x1: image not in the input (missing_image; missing_images=skip) [b]",
                report.entries().get(0).toString());

        ContentChecks failing = new ContentChecks(2, source(), ConversionOptions.DEFAULTS.with("missing_images", "fail"),
                "set.zip", new ConversionReport());
        FormatException e = assertThrows(FormatException.class, () -> failing.apply(missing));
        assertTrue(e.getMessage().startsWith("set.zip: item 'b' (subset 'train'): image 'images/b.png' is not in the"
                + " input (missing_image)"), e.getMessage());
    }

    @Test
    void anInputWithoutImagesIsAnnotationsOnlySaidOnceAndImagesNotKeptAreNotMissed() throws IOException {
        Item missing = item("b", new Media("images/b.png", 40, 30), new Bbox(CAR, 1, 1, 1, 1));
        Path bare = Files.createDirectories(tmp.resolve("bare/annotations"));
        Files.writeString(bare.resolve("x.json"), "{}");
        ConversionReport report = new ConversionReport();
        ContentChecks annotationsOnly = new ContentChecks(2, DirectorySource.of(tmp.resolve("bare")),
                ConversionOptions.DEFAULTS.with("missing_images", "fail"), "set.zip", report);
        assertSame(missing, annotationsOnly.apply(missing));
        Item another = item("c", new Media("images/c.png", 40, 30));
        assertSame(another, annotationsOnly.apply(another));
        assertEquals("[dataset dataset x1: the input holds no images: the output has annotations only]",
                report.entries().toString());

        ContentChecks noImages = new ContentChecks(2, source(), ConversionOptions.DEFAULTS.with("keep_images", false)
                .with("missing_images", "fail"), "set.zip", new ConversionReport());
        assertSame(missing, noImages.apply(missing));
    }

    @Test
    void aSizeThatDisagreesWithTheImageHeaderIsAProblemARotatedOneNot() throws IOException {
        ConversionReport report = new ConversionReport(ProblemPolicy.SKIP, "set.zip");
        ContentChecks checks = checks(ProblemPolicy.SKIP, report);

        assertNull(checks.apply(item("a", new Media("images/a.png", 40, 31))));
        Item rotated = item("r", new Media("images/a.png", 30, 40));
        assertSame(rotated, checks.apply(rotated), "EXIF-rotated sizes are recorded either way round");

        assertEquals(List.of(new ContentProblem(ContentProblem.Type.IMAGE_SIZE_MISMATCH, "a", "train", null, "item",
                "size 40x31 but image 'images/a.png' is 40x30")), report.problems());
    }

    @Test
    void theReportListsSkippedProblemsAndCountsThemOutThroughTheWholeConversion() throws IOException {
        // COCO: a good box, an inverted one, and an image whose declared size is not its file's.
        Path dir = Files.createDirectories(tmp.resolve("coco/annotations"));
        Files.writeString(dir.resolve("instances_train.json"), """
                {"images": [{"id": 1, "file_name": "a.png", "width": 40, "height": 30},
                            {"id": 2, "file_name": "b.png", "width": 41, "height": 30}],
                 "categories": [{"id": 1, "name": "car"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5], "iscrowd": 0, "segmentation": []},
                   {"id": 2, "image_id": 1, "category_id": 1, "bbox": [9, 9, -5, 5], "iscrowd": 0, "segmentation": []},
                   {"id": 3, "image_id": 2, "category_id": 1, "bbox": [2, 2, 5, 5], "iscrowd": 0, "segmentation": []}]}
                """);
        Files.createDirectories(tmp.resolve("coco/images/train"));
        Files.write(tmp.resolve("coco/images/train/a.png"), png(40, 30));
        Files.write(tmp.resolve("coco/images/train/b.png"), png(40, 30));

        FormatException failed = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(
                tmp.resolve("coco"), "coco", "yolo", ConversionOptions.DEFAULTS, tmp.resolve("failed.zip"))));
        assertEquals("coco: item 'a' (subset 'train'), annotations[1] (bbox): width -5.0 is negative"
                + " (inverted_coordinates); with option on_problem=skip the annotation is left out and listed in the"
                + " report instead", failed.getMessage());
        assertFalse(Files.exists(tmp.resolve("failed.zip")), "a failed conversion leaves no output");

        ConversionResult result = Converter.convert(new ConversionRequest(tmp.resolve("coco"), "coco", "yolo",
                ConversionOptions.fromMap(Map.of("on_problem", "skip")), tmp.resolve("out.zip")));

        JsonNode report = new ObjectMapper().valueToTree(result.toMap());
        assertEquals("skip", report.at("/options/on_problem").asText());
        assertEquals(2, report.at("/items/in").asLong());
        assertEquals(1, report.at("/items/out").asLong());
        assertEquals(3, report.at("/annotations/total_in").asLong());
        assertEquals(1, report.at("/annotations/total_out").asLong());
        assertEquals(2, report.at("/problems/count").asLong());
        assertEquals("{\"problem\":\"inverted_coordinates\",\"item\":\"a\",\"subset\":\"train\",\"annotation\":1,"
                + "\"kind\":\"bbox\",\"detail\":\"width -5.0 is negative\"}", report.at("/problems/listed/0").toString());
        assertEquals("{\"problem\":\"image_size_mismatch\",\"item\":\"b\",\"subset\":\"train\",\"kind\":\"item\","
                + "\"detail\":\"size 41x30 but image 'images/train/b.png' is 40x30\"}", report.at("/problems/listed/1").toString());
        assertEquals(List.of("obj.data", "obj.names", "obj_train_data/a.png", "obj_train_data/a.txt", "train.txt"),
                Zips.names(tmp.resolve("out.zip")).stream().sorted().toList());
    }

    static byte[] png(int width, int height) {
        return org.labelbridge.testing.ImageBytes.pngHeader(width, height);
    }
}
