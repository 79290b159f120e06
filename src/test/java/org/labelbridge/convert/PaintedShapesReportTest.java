package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.testing.Datasets;

/**
 * The mask writers (VOC, Segmentation mask, CamVid) paint boxes and polygons into PNGs, and
 * their readers split the PNGs back into one mask per instance, or per class for CamVid: the
 * report counts out what the reader gives back, not the shapes that went in.
 */
class PaintedShapesReportTest {

    /**
     * Two car boxes, two person polygons of one group (one instance), a car polygon under the
     * first box (z-order) and the image label 'car' twice.
     */
    private static final String CVAT = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
            <version>1.1</version>
            <meta><task><labels>
              <label><name>car</name></label>
              <label><name>person</name></label>
            </labels></task></meta>
            <image id="0" name="a.jpg" width="10" height="10">
              <tag label="car" source="manual"/>
              <tag label="car" source="manual"/>
              <box label="car" xtl="0" ytl="0" xbr="4" ybr="4" occluded="0" z_order="1"/>
              <box label="car" xtl="5" ytl="5" xbr="9" ybr="9" occluded="0" z_order="0"/>
              <polygon label="person" points="0,6;3,6;3,9;0,9" occluded="0" z_order="0" group_id="1"/>
              <polygon label="person" points="6,0;9,0;9,3;6,3" occluded="0" z_order="0" group_id="1"/>
              <polygon label="car" points="1,1;3,1;3,3;1,3" occluded="0" z_order="0"/>
            </image>
            </annotations>
            """;

    @TempDir
    Path dir;

    @Test
    void segmentationMaskCountsOneMaskPerInstance() throws IOException {
        Datasets.Converted converted = convert("segmentation_mask");

        // the car polygon vanishes under the box above it; the person polygons are one instance
        assertEquals(Map.of(AnnotationKind.MASK, 3L), converted.reportedOut());
        Item item = converted.output().item("a");
        assertEquals(List.of("car", "car", "person"), labels(converted, item));
        assertEquals(List.of(16L, 16L, 18L), areas(item));
        assertEquals(1, converted.count("read back as one mask per instance"));
    }

    @Test
    void camVidCountsOneMaskPerLabel() throws IOException {
        Datasets.Converted converted = convert("camvid");

        assertEquals(Map.of(AnnotationKind.MASK, 2L), converted.reportedOut());
        Item item = converted.output().item("a");
        assertEquals(List.of("car", "person"), labels(converted, item));
        assertEquals(List.of(18L, 32L), areas(item));
        assertEquals(1, converted.count("read back as one mask per label"));
    }

    @Test
    void vocCountsItsBoxesItsImageLabelsAndOneMaskPerInstance() throws IOException {
        Datasets.Converted converted = convert("voc");

        assertEquals(Map.of(AnnotationKind.TAG, 1L, AnnotationKind.BBOX, 2L, AnnotationKind.MASK, 2L),
                new TreeMap<>(converted.reportedOut()));
        Item item = converted.output().item("a");
        assertEquals(converted.reportedOut(), Datasets.kinds(List.of(item)), "what the VOC reader gives back");
        // boxes stay boxes in the XML, so the car polygon shows; the person polygons are one instance
        List<Annotation> masks = item.annotations().stream().filter(a -> a instanceof Mask).toList();
        Map<String, Long> areaOfLabel = new TreeMap<>();
        masks.forEach(a -> areaOfLabel.put(converted.output().labelOf(a), ((Mask) a).rle().area()));
        assertEquals(Map.of("car", 4L, "person", 18L), areaOfLabel);
        assertEquals(2, masks.size());
        assertEquals(1, converted.count("image label repeated"));
        assertEquals(1, converted.count("read back as one mask per instance"));
    }

    private Datasets.Converted convert(String target) throws IOException {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("annotations.xml"), CVAT);
        return Datasets.convert(input, "cvat_images", target, dir.resolve("out-" + target), ConversionOptions.DEFAULTS);
    }

    /** The report's out counts, kinds with none left out. */

    private static List<String> labels(Datasets.Converted converted, Item item) {
        return item.annotations().stream().map(a -> converted.output().labelOf(a)).sorted().toList();
    }

    private static List<Long> areas(Item item) {
        return item.annotations().stream().map(a -> ((Mask) a).rle().area()).map(Number::longValue).sorted().toList();
    }
}
