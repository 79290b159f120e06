package org.labelbridge.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.testing.FlawedCoco;
import org.labelbridge.testing.Zips;

/**
 * Statistics and validation through the converter, on datasets whose answers are known: what
 * a conversion's report says of the items it wrote.
 */
class DatasetInsightTest {

    @TempDir
    Path dir;

    private static final Map<String, Object> RARE_BELOW_3 = Map.of("checks", "{\"rare_label\": 3}");

    @Test
    void aCocoZipWithThreeBoxesOutsideAndTwoDuplicateImagesReportsExactlyThose() throws IOException {
        Path zip = Zips.zipFolder(FlawedCoco.write(dir.resolve("coco")), dir.resolve("coco.zip"), "");

        ConversionResult result = convert(zip, "yolo", RARE_BELOW_3);

        assertEquals(new TreeMap<>(FlawedCoco.FINDINGS), findings(result));
        Finding outside = finding(result, "box_outside_image");
        assertEquals(Severity.ERROR, outside.severity());
        assertEquals(List.of("img2: box 'car' (100.0, 100.0)-(110.0, 110.0) lies outside the 64x48 image"),
                outside.examples());
        assertEquals(List.of("img1: box 'person' (60.0, 40.0)-(70.0, 45.0) reaches beyond the 64x48 image",
                "img2: box 'person' (-5.0, 5.0)-(5.0, 15.0) reaches beyond the 64x48 image"),
                finding(result, "box_partly_outside_image").examples());
        assertEquals(List.of("img4: image images/img4.png has the bytes of images/img1.png",
                "img5: image images/img5.png has the bytes of images/img2.png"),
                finding(result, "duplicate_image").examples());
        assertEquals(List.of("unused: declared, no annotations"), finding(result, "label_unused").examples());
        assertEquals(List.of("rare: 1 annotation"), finding(result, "label_rare").examples());
        assertEquals(List.of("img1: bbox 'car' repeats another of the item"),
                finding(result, "duplicate_annotation").examples());
        assertEquals(List.of("img3: bbox 'person' covers 3.0 px²"), finding(result, "near_zero_area").examples());
        assertEquals(List.of("img3: bbox 'car' has no area"), finding(result, "zero_area").examples());
        assertTrue(result.insight().validation().hasErrors());
        Map<String, Object> validation = section(result.toMap(), "validation");
        assertEquals(2L, validation.get("errors"));
        assertEquals(6L, validation.get("warnings"));
        assertEquals(3L, section(validation, "thresholds").get("rare_label"));
        assertFalse(validation.containsKey("notes"), "a zip's directory gives every image's CRC-32: nothing read");
    }

    @Test
    void aFolderFindsTheSameDuplicatesByReadingOnlyImagesThatShareASize() throws IOException {
        Path folder = FlawedCoco.write(dir.resolve("coco"));

        ConversionResult result = convert(folder, "yolo", RARE_BELOW_3);

        assertEquals(new TreeMap<>(FlawedCoco.FINDINGS), findings(result));
        Map<String, Object> notes = section(section(result.toMap(), "validation"), "notes");
        Map<Long, Long> bySize = new TreeMap<>();
        try (var images = Files.list(folder.resolve("images"))) {
            images.forEach(p -> bySize.merge(size(p), 1L, Long::sum));
        }
        long sameSize = bySize.values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum();
        assertTrue(String.valueOf(notes.get("duplicate_image")).contains("read " + sameSize + " images sharing a size"),
                notes.toString());
    }

    @Test
    void statisticsCountWhatWasWritten() throws IOException {
        ConversionResult result = convert(FlawedCoco.write(dir.resolve("coco")), "yolo", Map.of());

        DatasetStatistics statistics = result.insight().statistics();
        assertEquals(6, statistics.items());
        assertEquals(1, statistics.itemsWithoutAnnotations());
        assertEquals(7, statistics.annotations("car", AnnotationKind.BBOX));
        assertEquals(4, statistics.annotations("person", AnnotationKind.BBOX));
        assertEquals(1, statistics.annotations("rare", AnnotationKind.BBOX));
        assertEquals(0, statistics.annotations("unused", AnnotationKind.BBOX));
        Map<String, Object> map = section(result.toMap(), "statistics");
        assertEquals(Map.of("64x48", 6L), section(section(map, "images"), "sizes"));
        Map<String, Object> width = section(section(map, "boxes"), "width");
        assertEquals(12L, width.get("count"));
        assertEquals(0.0, width.get("min"), "the zero-width box");
        assertEquals(20.0, width.get("max"));
        // widths 0 | 1.4, 1.5 | 10 x7 | 20 x2 in the buckets <1, 1-2, 8-16, 16-32
        assertEquals(List.of(1L, 2L, 0L, 0L, 7L, 2L), bucketCounts(width).subList(0, 6));
        Map<String, Object> car = section(section(map, "labels"), "car");
        assertEquals(5L, car.get("items"));
        assertEquals(Map.of("bbox", 7L), car.get("annotations"));
        assertEquals(Map.of("items", 6L, "items_without_annotations", 1L, "annotations", Map.of("bbox", 12L)),
                section(section(map, "subsets"), "default"));
    }

    @Test
    void optionStatisticsOffLeavesBothSectionsOut() throws IOException {
        ConversionResult result = convert(FlawedCoco.write(dir.resolve("coco")), "yolo", Map.of("statistics", false));

        assertNull(result.insight());
        assertFalse(result.toMap().containsKey("statistics"));
        assertFalse(result.toMap().containsKey("validation"));
    }

    @Test
    void aSkeletonWithAnAbsentNodeIsFound() throws IOException {
        Path coco = dir.resolve("keypoints");
        Files.createDirectories(coco.resolve("annotations"));
        Files.writeString(coco.resolve("annotations/person_keypoints_default.json"), """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": 40, "height": 30},
                            {"id": 2, "file_name": "b.jpg", "width": 40, "height": 30}],
                 "categories": [{"id": 1, "name": "person", "keypoints": ["nose", "eye", "ear"],
                                 "skeleton": [[1, 2], [2, 3]]}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [5, 5, 20, 20], "area": 400, "iscrowd": 0,
                    "num_keypoints": 2, "keypoints": [10, 10, 2, 0, 0, 0, 20, 20, 2]},
                   {"id": 2, "image_id": 2, "category_id": 1, "bbox": [5, 5, 20, 20], "area": 400, "iscrowd": 0,
                    "num_keypoints": 3, "keypoints": [10, 10, 2, 12, 12, 1, 20, 20, 2]}]}
                """);

        ConversionResult result = convert(coco, "datumaro", Map.of());

        Finding missing = finding(result, "skeleton_missing_nodes");
        assertEquals(1, missing.count(), "b's hidden eye is there, only a's is absent");
        assertEquals(List.of("a: skeleton 'person' has 2 of its 3 nodes"), missing.examples());
    }

    @Test
    void aTrackWithoutShapesInSomeFramesHasAGap() throws IOException {
        Path mot = dir.resolve("mot");
        Files.createDirectories(mot.resolve("gt"));
        // track 1 in frames 1, 2 and 5; track 2 in frames 2 and 3
        Files.writeString(mot.resolve("gt/gt.txt"), """
                1,1,0,4,4,8,1,1,1.0
                2,1,1,4,4,8,1,1,1.0
                5,1,2,4,4,8,1,1,1.0
                2,2,5,5,3,3,1,2,1.0
                3,2,5,5,3,3,1,2,1.0
                """);
        Files.writeString(mot.resolve("gt/labels.txt"), "person\ncar\n");

        ConversionResult result = convert(mot, "datumaro", Map.of());

        Finding gap = finding(result, "track_gap");
        assertEquals(1, gap.count());
        assertEquals(List.of("000005: track 0 has no shape in frames 2-3"), gap.examples(),
                "frames as the model numbers them (from 0), the item where the track comes back");
        Map<String, Object> tracks = section(section(result.toMap(), "statistics"), "tracks");
        assertEquals(2L, tracks.get("count"));
        assertEquals(List.of(0L, 2L), bucketCounts(section(tracks, "visible_frames")).subList(0, 2),
                "2 and 3 visible frames");
    }

    // --- helpers ----------------------------------------------------------------------------

    private ConversionResult convert(Path input, String to, Map<String, Object> options) throws IOException {
        Path out = dir.resolve("out-" + to + "-" + Files.list(dir).count() + ".zip");
        return Converter.convert(new ConversionRequest(input, "auto", to, ConversionOptions.fromMap(options), out));
    }

    private static Map<String, Long> findings(ConversionResult result) {
        Map<String, Long> counts = new TreeMap<>();
        result.insight().validation().findings().forEach(f -> counts.put(f.id(), f.count()));
        return counts;
    }

    private static Finding finding(ConversionResult result, String id) {
        return result.insight().validation().findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + findings(result)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no section " + key + " in " + map.keySet());
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> bucketCounts(Map<String, Object> histogram) {
        return ((List<Map<String, Object>>) histogram.get("buckets")).stream().map(b -> (Long) b.get("count")).toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
