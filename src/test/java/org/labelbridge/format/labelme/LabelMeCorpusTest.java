package org.labelbridge.format.labelme;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** The corpus sample in, the dataset of its MANIFEST.md row (labelme_3.0/cvd_flat) out. */
class LabelMeCorpusTest {

    static final String SAMPLE = "labelme_3.0/cvd_flat";
    private static final int HEIGHT = 77;
    private static final int WIDTH = 102;

    private final LabelMeFormat labelMe = new LabelMeFormat();

    @Test
    void isRegisteredUnderCvatsName() {
        assertEquals("LabelMe 3.0", Formats.byId("labelme").orElseThrow().descriptor().displayName());
    }

    /** A 77x102 mask whose rows from {@code top}, columns from {@code left}, are these '1'/'0' patterns. */
    static Rle mask(int top, int left, String... rows) {
        byte[] bits = new byte[HEIGHT * WIDTH];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                bits[(top + r) * WIDTH + left + c] = (byte) (rows[r].charAt(c) == '1' ? 1 : 0);
            }
        }
        return Rle.fromBitmap(bits, HEIGHT, WIDTH);
    }

    private static AnnotationInfo info(int label, long id, int group, Object... attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put((String) attributes[i], attributes[i + 1]);
        }
        return new AnnotationInfo(label, id, group, 0, map, null);
    }

    /** The manifest row, with the usernames it leaves out (all 'anonymous' in the file and upstream test). */
    static List<Annotation> expectedAnnotations() {
        return List.of(
                new Polygon(info(0, 0, 0, "occluded", false, "username", "admin"), new double[] {43, 34, 45, 34, 45, 37, 43, 37}),
                new Mask(info(1, 1, 0, "occluded", false, "username", "brussell"), mask(67, 58, "11111", "11111")),
                new Polygon(info(2, 2, 2, "a1", true, "occluded", true, "username", "anonymous"),
                        new double[] {30, 12, 42, 21, 24, 26, 15, 22, 18, 14, 22, 12, 27, 12}),
                new Polygon(info(3, 3, 2, "kj", true, "occluded", false, "username", "anonymous"),
                        new double[] {35, 21, 43, 22, 40, 28, 28, 31, 31, 22, 32, 25}),
                new Bbox(info(4, 4, 2, "hg", true, "occluded", true, "username", "anonymous"), 13, 19, 10, 11),
                new Mask(info(5, 5, 1, "d", true, "occluded", false, "username", "anonymous"), mask(13, 54,
                        "00000000000000000",
                        "01111111111111110",
                        "01111111111111110",
                        "01111111111111100",
                        "01111111111111100",
                        "01111111000111100",
                        "01111111100111000",
                        "01111111111111000",
                        "01111111111111000",
                        "01111111111110000",
                        "01111111111110000",
                        "00000000000000000")),
                new Polygon(info(6, 6, 1, "gfd lkj lkj hi", true, "occluded", false, "username", "anonymous"),
                        new double[] {64, 21, 74, 24, 72, 32, 62, 34, 60, 27, 62, 22}));
    }

    @Test
    void flatSampleGivesTheManifestDataset() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(labelMe, Corpus.source(SAMPLE), problems);

        assertEquals(Categories.ofNames(List.of("window", "license plate", "o1", "q1", "b1", "m1", "hg")).labels(),
                dataset.categories().labels());
        assertEquals(List.of("occluded", "username"), dataset.categories().commonAttributes());
        assertEquals(List.of("default/example_folder/img1"), dataset.ids(), "the id is <folder>/<filename>");
        Item item = dataset.item("example_folder/img1");
        assertEquals(new Media("img1.png", WIDTH, HEIGHT), item.media());
        List<Annotation> expected = expectedAnnotations();
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), item.annotations().get(i), "object " + i);
        }
        assertEquals(expected.size(), item.annotations().size());
        assertEquals(List.of("dataset: 2 file(s) in Scribbles/ not read: scribbles are the LabelMe tool's drawing aids"
                + " for the masks in Masks/, which are read"), problems.lines);
    }

    /** The attributes keep their types: flags are Boolean true, usernames text. */
    @Test
    void attributeTypes() throws IOException {
        Item item = Datasets.read(labelMe, Corpus.source(SAMPLE)).items().get(0);
        Map<String, Object> o1 = item.annotations().get(2).attributes();
        assertEquals(Boolean.TRUE, o1.get("a1"));
        assertEquals(Boolean.TRUE, o1.get("occluded"));
        assertEquals("anonymous", o1.get("username"));
        assertEquals(List.of("a1", "occluded", "username"), List.copyOf(o1.keySet()), "text attributes first");
    }
}
