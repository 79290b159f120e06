package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the CVAT for images writer puts in annotations.xml, line by line. */
class CvatImagesWriterTest {

    private static final CvatImagesFormat FORMAT = new CvatImagesFormat();

    @Test
    void writesEveryShapeAsCvatDoes(@TempDir Path dir) throws IOException {
        Datasets.write(FORMAT, CvatRoundTripTest.everyKind(), dir,
                Corpus.source("cvat_images_1.1/ovd_export_project"), new RecordedProblems());
        List<String> lines = Files.readAllLines(dir.resolve("annotations.xml"));

        assertEquals("<annotations>", lines.get(1));
        assertEquals("  <version>1.1</version>", lines.get(2));
        for (String line : List.of(
                "  <image id=\"5\" name=\"img0.jpg\" subset=\"Train\" task_id=\"0\" width=\"8\" height=\"8\">",
                "    <tag label=\"scene\" group_id=\"2\"/>",
                "    <box label=\"car\" source=\"manual\" occluded=\"1\" xtl=\"0.5\" ytl=\"1.5\" xbr=\"4.5\" "
                        + "ybr=\"3.75\" rotation=\"30\" z_order=\"1\" group_id=\"3\">",
                "      <attribute name=\"parked\">true</attribute>",
                "      <attribute name=\"speed\">42</attribute>",
                "      <attribute name=\"plate\">0042</attribute>",
                "    <polygon label=\"person\" occluded=\"0\" points=\"1,1;5,1;3,4\" z_order=\"2\"/>",
                "    <ellipse label=\"person\" occluded=\"0\" cx=\"4\" cy=\"4\" rx=\"2\" ry=\"1.5\" rotation=\"15\" "
                        + "z_order=\"0\"/>",
                "    <cuboid label=\"car\" occluded=\"0\" xtl1=\"1\" ytl1=\"1\" xbl1=\"1\" ybl1=\"4\" xtr1=\"4\" "
                        + "ytr1=\"1\" xbr1=\"4\" ybr1=\"4\" xtl2=\"2\" ytl2=\"0.5\" xbl2=\"2\" ybl2=\"3.5\" xtr2=\"5\" "
                        + "ytr2=\"0.5\" xbr2=\"5\" ybr2=\"3.5\" z_order=\"0\"/>",
                // rows of the 4x4 box: 1110, 1111, 1110, 1111
                "    <mask label=\"person\" source=\"auto\" occluded=\"1\" rle=\"0, 3, 1, 7, 1, 4\" left=\"1\" "
                        + "top=\"2\" width=\"4\" height=\"4\" z_order=\"4\" group_id=\"3\"/>",
                "    <skeleton label=\"pose\" source=\"auto\" occluded=\"0\" z_order=\"5\">",
                "      <points label=\"head\" source=\"manual\" outside=\"0\" occluded=\"0\" points=\"2,2\"/>",
                "      <points label=\"hand\" outside=\"0\" occluded=\"1\" points=\"3,5\"/>",
                "      <points label=\"hand\" outside=\"1\" occluded=\"0\" points=\"0,0\"/>",
                "  <image id=\"0\" name=\"folder/img1.jpg\" subset=\"Test\" task_id=\"1\" width=\"10\" height=\"10\">",
                "  <image id=\"1\" name=\"empty.jpg\" subset=\"Test\" task_id=\"1\" width=\"10\" height=\"10\"/>",
                "</annotations>")) {
            assertTrue(lines.contains(line), "annotations.xml has: " + line);
        }
    }

    @Test
    void metaIsAProjectWithATaskPerSubsetAndTheLabels(@TempDir Path dir) throws IOException {
        Datasets.write(FORMAT, CvatRoundTripTest.everyKind(), dir, null, new RecordedProblems());
        Element project = element(document(dir).getDocumentElement(), "meta", "project");

        assertEquals("Train\nTest", text(project, "subsets"));
        List<String> tasks = new ArrayList<>();
        for (Element task : children(element(project, "tasks"), "task")) {
            tasks.add(text(task, "id") + " " + text(task, "name") + " " + text(task, "size") + " "
                    + text(task, "subset"));
        }
        // Train's one image keeps its frame number 5: the task's size reaches it (CVAT's importer
        // takes no frame at or beyond the size)
        assertEquals(List.of("0 Train 6 Train", "1 Test 2 Test"), tasks);

        List<String> labels = new ArrayList<>();
        for (Element label : children(element(project, "labels"), "label")) {
            labels.add(text(label, "name") + ":" + text(label, "type")
                    + (children(label, "parent").isEmpty() ? "" : "<" + text(label, "parent")));
        }
        assertEquals(List.of("car:any", "person:any", "pose:skeleton", "head:points<pose", "hand:points<pose",
                "scene:any"), labels);
        Element car = children(element(project, "labels"), "label").get(0);
        assertEquals("#fa3253", text(car, "color"));
        Element speed = children(element(car, "attributes"), "attribute").get(1);
        assertEquals("speed True number 0 0\n200\n1", text(speed, "name") + " " + text(speed, "mutable") + " "
                + text(speed, "input_type") + " " + text(speed, "default_value") + " " + text(speed, "values"));
        String svg = text(children(element(project, "labels"), "label").get(2), "svg");
        assertTrue(svg.contains("data-node-from=\"1\"") && svg.contains("data-node-to=\"2\""), svg);
        assertTrue(svg.contains("data-node-id=\"2\" data-label-name=\"hand\""), svg);
    }

    @Test
    void imageIdIsTheFrameOrTheNextFreeNumberOfItsSubset(@TempDir Path dir) throws IOException {
        RecordedProblems problems = new RecordedProblems();
        List<Item> items = List.of(
                new Item("a", "s", new Media(null, 4, 4), List.of(), Map.of()),
                new Item("b", "s", new Media(null, 4, 4), List.of(), Map.of("frame", 3L)),
                new Item("c", "s", new Media(null, 4, 4), List.of(), Map.of("frame", 3L)),
                new Item("d", "other", new Media(null, 4, 4), List.of(), Map.of()));
        Datasets.write(FORMAT, new Datasets.Loaded(Categories.EMPTY, items), dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(0L, 3L, 1L, 0L), read.items().stream().map(Item::frame).toList());
        assertEquals(List.of("item c: frame 3 is taken in subset 's'; the <image> id is 1"), problems.lines);
    }

    @Test
    void attributesTheCategoriesDoNotTypeAreDeclaredByTheirValues(@TempDir Path dir) throws IOException {
        Categories categories = new Categories(List.of(
                new Label("a", "", List.of(AttributeDef.named("named"))), Label.named("b")),
                List.of("common"), Map.of(), Map.of());
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("named", 7L);
        first.put("flag", true);
        first.put("score", 0.5);
        first.put("note", "0003");
        first.put("mixed", 1L);
        first.put("pairs", List.of("x/1", "x/2"));
        Map<String, Object> second = Map.of("flag", false, "score", 2L, "mixed", "one", "common", "c");
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories, List.of(new Item("i", "s", new Media(null, 4, 4),
                List.of(new Tag(new AnnotationInfo(0, 0, 0, 0, first, null)),
                        new Tag(new AnnotationInfo(0, 0, 0, 0, second, null))), Map.of("frame", 0L)))),
                dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(
                new AttributeDef("named", AttributeType.NUMBER, false, List.of("7", "7", "1"), "7"),
                new AttributeDef("common", AttributeType.TEXT, false, List.of(), ""),
                new AttributeDef("flag", AttributeType.CHECKBOX, false, List.of("false", "true"), "false"),
                new AttributeDef("score", AttributeType.NUMBER, false, List.of("0.5", "2", "0.01"), "0.5"),
                new AttributeDef("note", AttributeType.TEXT, false, List.of(), ""),
                new AttributeDef("mixed", AttributeType.TEXT, false, List.of(), ""),
                new AttributeDef("pairs", AttributeType.TEXT, false, List.of(), "")),
                read.categories().label(0).attributes());
        assertEquals(List.of("common"), read.categories().label(1).attributes().stream()
                .map(AttributeDef::name).toList(), "common attributes are declared on every label");
        Map<String, Object> expectedFirst = new LinkedHashMap<>(first);
        expectedFirst.put("mixed", "1");
        expectedFirst.put("pairs", "x/1,x/2");
        assertEquals(expectedFirst, read.items().get(0).annotations().get(0).attributes());
        assertEquals(Map.of("flag", false, "score", 2L, "mixed", "one", "common", "c"),
                read.items().get(0).annotations().get(1).attributes());
        assertEquals(List.of(
                "changed i tag: attribute 'pairs' is a list, which CVAT cannot hold: written as comma-separated text",
                "dataset: attribute 'mixed' of label 'a' has values of several types; it is declared as text, so all "
                        + "its values read back as text"), problems.lines);
    }

    @Test
    void whatCvatCannotHoldIsDroppedAndReported(@TempDir Path dir) throws IOException {
        Categories categories = new Categories(List.of(Label.named("a"), new Label("b", "a", List.of())),
                List.of(), Map.of(), Map.of());
        List<Annotation> annotations = List.of(
                new Bbox(AnnotationInfo.EMPTY, 0, 0, 1, 1),
                new Caption(AnnotationInfo.of(0), "text"),
                new Mask(AnnotationInfo.of(0), new Rle(2, 2, new int[] {4})),
                new Bbox(new AnnotationInfo(0, 7, 0, 0, Map.of(), new Track(7, false, false)), 0, 0, 1, 1),
                new Bbox(AnnotationInfo.of(0), Double.NaN, 0, 1, 1),
                new Points(AnnotationInfo.of(1), new double[] {1, 1}, new byte[] {Points.HIDDEN}));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(categories,
                List.of(new Item("i", "s", Media.NONE, annotations, Map.of()),
                        new Item("j", "s", Media.NONE, List.of(), Map.of()))), dir, null, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(
                "dataset: label 'b' loses its parent 'a': CVAT gives parents only to the points of a skeleton",
                "item i: image size unknown: taken from its mask, 2x2",
                "dropped i bbox: unlabelled: CVAT needs a label on every annotation",
                "dropped i caption: CVAT for images 1.1 cannot hold a caption",
                "dropped i mask: empty: CVAT cannot hold a mask without pixels",
                "dropped i bbox: a coordinate is not a finite number",
                "changed i points: point visibility is not kept: CVAT points are all visible",
                "item j: image size unknown: the <image> has no width and height"), problems.lines);
        assertEquals(List.of("bbox", "points"),
                read.items().get(0).annotations().stream().map(a -> a.kind().id()).toList());
        assertEquals("", read.categories().label(1).parent());
    }

    @Test
    void anImageOfUnknownSizeTakesItsMasksSize(@TempDir Path dir) throws IOException {
        byte[] bitmap = {0, 1, 1, 0, 0, 1};
        Mask mask = new Mask(new AnnotationInfo(0, 0, 0, 0, Map.of("occluded", false), null),
                Rle.fromBitmap(bitmap, 2, 3));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(FORMAT, new Datasets.Loaded(Categories.ofNames(List.of("a")), List.of(
                new Item("i", "s", Media.NONE, List.of(mask), Map.of("frame", 0L)))), dir, null, problems);
        Item read = Datasets.read(FORMAT, DirectorySource.of(dir)).item("i");

        assertEquals(new Media(null, 3, 2), read.media());
        assertEquals(List.of(mask), read.annotations());
        assertEquals(List.of("item i: image size unknown: taken from its mask, 3x2"), problems.lines);
    }

    private static Document document(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("annotations.xml"))) {
            return SafeXml.document(in, "annotations.xml");
        }
    }

    private static Element element(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            at = children(at, name).get(0);
        }
        return at;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                out.add(child);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return element(parent, name).getTextContent();
    }
}
