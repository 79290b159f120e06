package org.labelbridge.format.voc;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** The corpus samples in, the datasets of their MANIFEST.md rows out. */
class VocReaderTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    /**
     * voc_dataset1 (no labelmap.txt): the VOC labels; 2007_000001 has a truncated cat, a person
     * with eleven action flags and a head part in the person's group, a bicycle mask (instance 1
     * of SegmentationObject, so in group 1 with the cat) and eleven image labels.
     */
    @Test
    void vocDataset1() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, Corpus.source("pascal_voc_1.1/voc_dataset1"), problems);
        Categories categories = dataset.categories();

        assertEquals(List.of("test/2007_000002", "train/2007_000001"), dataset.ids());

        Item first = dataset.item("train", "2007_000001");
        assertEquals(new Media("JPEGImages/2007_000001.jpg", 20, 10), first.media());
        int cat = categories.indexOf("cat");
        int person = categories.indexOf("person");
        int head = categories.indexOf("head");
        assertEquals(24, head);
        Map<String, Object> personAttributes = new LinkedHashMap<>();
        personAttributes.put("difficult", false);
        personAttributes.put("truncated", false);
        personAttributes.put("occluded", false);
        boolean on = true;
        for (String action : VocLayout.DEFAULT_ACTIONS) { // other=1, jumping=0, phoning=1, ... walking=1
            personAttributes.put(action, on);
            on = !on;
        }
        List<Annotation> expectedBoxes = List.of(
                new Bbox(new AnnotationInfo(cat, 1, 1, 0, Map.of("pose", "Unspecified", "truncated", true,
                        "difficult", false, "occluded", false), null), 1, 2, 2, 2),
                new Bbox(new AnnotationInfo(person, 2, 2, 0, personAttributes, null), 4, 5, 2, 2),
                new Bbox(new AnnotationInfo(head, 0, 2, 0, Map.of(), null), 5.5, 6, 2, 2));
        assertEquals(expectedBoxes, first.annotations().stream().filter(a -> a instanceof Bbox).toList());
        List<Annotation> masks = first.annotations().stream().filter(a -> a instanceof Mask).toList();
        assertEquals(List.of(new Mask(new AnnotationInfo(categories.indexOf("bicycle"), 0, 1, 0, Map.of(), null),
                new Rle(10, 20, new int[] {0, 200}))), masks, "all ones, 10 rows of 20, group 1, no id");
        // The manifest lists them alphabetically; they come in label order.
        assertEquals(List.of("aeroplane", "bird", "bottle", "car", "chair", "diningtable", "horse", "person",
                        "sheep", "train", "ignored"),
                first.annotations().stream().filter(a -> a instanceof Tag).map(dataset::labelOf).toList());
        assertTrue(first.annotations().stream().filter(a -> a instanceof Tag)
                .allMatch(t -> t.info().equals(AnnotationInfo.of(t.label()))));

        Item second = dataset.item("test", "2007_000002");
        assertEquals(List.of(), second.annotations());
        assertEquals(new Media("JPEGImages/2007_000002.jpg", null, null), second.media(),
                "listed only in ImageSets: the image is found, its size is not known");

        assertEquals(List.of(), problems.lines);
    }

    @Test
    void defaultCategoriesAreTheVocLabelsThenIgnoredThenParts() throws IOException {
        Categories categories = Datasets.read(voc, Corpus.source("pascal_voc_1.1/voc_dataset1")).categories();

        List<String> names = categories.labels().stream().map(l -> l.name()).toList();
        assertEquals(List.of("background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat",
                "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
                "train", "tvmonitor", "ignored", "foot", "hand", "head"), names);
        assertEquals(List.of("difficult", "truncated", "occluded"), categories.commonAttributes());
        List<AttributeDef> personActions = categories.label(categories.indexOf("person")).attributes();
        assertEquals(VocLayout.DEFAULT_ACTIONS, personActions.stream().map(AttributeDef::name).toList());
        assertTrue(personActions.stream().allMatch(a -> a.type() == AttributeType.CHECKBOX));
        assertEquals(List.of(), categories.label(categories.indexOf("cat")).attributes());

        assertEquals(22, categories.colors().size(), "the VOC palette colours the classes and 'ignored', not parts");
        assertEquals(new Rgb(0, 0, 0), categories.colors().get(0));
        assertEquals(new Rgb(128, 0, 0), categories.colors().get(1));
        assertEquals(new Rgb(64, 0, 0), categories.colors().get(categories.indexOf("cat")));
        assertEquals(new Rgb(192, 128, 128), categories.colors().get(categories.indexOf("person")));
        assertEquals(new Rgb(0, 64, 128), categories.colors().get(categories.indexOf("tvmonitor")));
        assertEquals(new Rgb(224, 224, 192), categories.colors().get(categories.indexOf("ignored")));
    }

    /**
     * voc_dataset2: labelmap.txt with colours and no parts or actions, no images, and '@.xml'
     * without objects; all five items are in 'trainval'.
     */
    @Test
    void vocDataset2() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, Corpus.source("pascal_voc_1.1/voc_dataset2"), problems);
        Categories categories = dataset.categories();

        assertEquals(22, categories.labels().size());
        assertEquals("ignored", categories.label(21).name());
        assertEquals(new Rgb(224, 224, 192), categories.colors().get(21));
        assertEquals(new Rgb(0, 64, 128), categories.colors().get(20));
        assertTrue(categories.labels().stream().allMatch(l -> l.attributes().isEmpty()));

        assertEquals(List.of("trainval/@", "trainval/a", "trainval/b", "trainval/c", "trainval/d"), dataset.ids());
        assertEquals(List.of(), dataset.item("@").annotations());
        assertBox(dataset, "a", "background", 1, 2, 3, 4, true);
        assertBox(dataset, "b", "aeroplane", 2, 2, 5, 4, true);
        assertBox(dataset, "c", "bicycle", 3, 1, 8, 5, false);
        assertBox(dataset, "d", "bird", 4, 4, 4, 4, false);
        assertEquals(new Media("JPEGImages/c.jpg", null, null), dataset.item("c").media(),
                "no <size>, no image: the XML's filename is kept");
        assertEquals(List.of(), problems.lines);
    }

    private static void assertBox(Loaded dataset, String id, String label, double x, double y, double w, double h,
                                  boolean occluded) {
        List<Annotation> annotations = dataset.item(id).annotations();
        assertEquals(1, annotations.size());
        Bbox box = (Bbox) annotations.get(0);
        assertEquals(label, dataset.labelOf(box));
        assertEquals(List.of(x, y, w, h), List.of(box.x(), box.y(), box.w(), box.h()));
        assertEquals(1, box.info().id());
        assertEquals(1, box.info().group());
        assertEquals(Map.of("truncated", false, "occluded", occluded, "difficult", false), box.attributes());
    }

    @Test
    void objectNamesOutsideTheLabelMapAreDroppedAndReported() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("labelmap.txt", "dog:::\n")
                .file("ImageSets/Main/train.txt", "x\n")
                .file("Annotations/x.xml", VocFixture.annotation("<object><name>unicorn</name>"
                        + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"
                        + "<object><name>dog</name>"
                        + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"));
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, fixture.source(), problems);

        Bbox dog = (Bbox) dataset.item("x").annotations().get(0);
        assertEquals("dog", dataset.labelOf(dog));
        assertEquals(2, dog.info().id(), "ids follow the object's place in the file");
        assertTrue(problems.any("dropped x bbox: ")
                && problems.any("object 1: label 'unicorn' is not declared in labelmap.txt"),
                problems.toString());
    }

    /** CVAT writes custom attributes as name/value text; checkbox values come back as Boolean. */
    @Test
    void customAttributesPoseAndPoint() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("ImageSets/Main/default.txt", "x\n")
                .file("Annotations/x.xml", VocFixture.annotation("<object><name>dog</name><pose>Left</pose>"
                        + "<point><x>1.5</x><y>2</y></point>"
                        + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>"
                        + "<attributes><attribute><name>color</name><value> dark &amp; wet</value></attribute>"
                        + "<attribute><name>parked</name><value>true</value></attribute>"
                        + "<attribute><name>count</name><value>0003</value></attribute></attributes></object>"));
        Loaded dataset = Datasets.read(voc, fixture.source());

        Map<String, Object> attributes = dataset.item("x").annotations().get(0).attributes();
        assertEquals("Left", attributes.get("pose"));
        assertEquals(List.of(1.5, 2.0), attributes.get("point"));
        assertEquals(" dark & wet", attributes.get("color"));
        assertEquals(true, attributes.get("parked"));
        assertEquals("0003", attributes.get("count"));
    }

    /** Main/<label>_<subset>.txt: 1 = the image shows the label (-1 and 0: it does not). */
    @Test
    void classListsAloneGiveClassificationItems() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("ImageSets/Main/val.txt", "p\nq\n")
                .file("ImageSets/Main/dog_val.txt", "p  1\nq -1\n")
                .file("ImageSets/Main/cat_val.txt", "p  0\nq  1\nr  1\n")
                .file("JPEGImages/q.png", "not really a png");
        Loaded dataset = Datasets.read(voc, fixture.source());

        assertEquals(List.of("val/p", "val/q", "val/r"), dataset.ids(), "r, named by a class list only, joins val");
        assertEquals(List.of("dog"), dataset.item("p").annotations().stream().map(dataset::labelOf).toList());
        assertEquals(List.of("cat"), dataset.item("q").annotations().stream().map(dataset::labelOf).toList());
        assertEquals(List.of("cat"), dataset.item("r").annotations().stream().map(dataset::labelOf).toList());
        assertEquals(new Media("JPEGImages/q.png", null, null), dataset.item("q").media());
        assertEquals(Media.NONE, dataset.item("r").media());
    }

    /** Layout lists may quote ids and add object numbers; Action/<action>_<subset>.txt is not an item list. */
    @Test
    void layoutAndActionListsContributeItems() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("ImageSets/Layout/train.txt", "\"my image\"  1\nb 2\n")
                .file("ImageSets/Action/val.txt", "c\n")
                .file("ImageSets/Action/jumping_val.txt", "c 1  1\n");
        Loaded dataset = Datasets.read(voc, fixture.source());

        assertEquals(List.of("train/my image", "train/b", "val/c"), dataset.ids());
    }

    /** CVAT's flat layout: XML files without Annotations/ or ImageSets/, images beside them. */
    @Test
    void flatLayout() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("a.xml", VocFixture.annotation("<object><name>dog</name>"
                        + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"))
                .file("more/b.xml", VocFixture.annotation("").replace("x.jpg", "b.png"))
                .file("more/b.png", "png");
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, fixture.source(), problems);

        assertEquals(List.of("default/a", "default/more/b"), dataset.ids());
        assertEquals("dog", dataset.labelOf(dataset.item("a").annotations().get(0)));
        assertEquals(new Media("x.jpg", null, null), dataset.item("a").media());
        assertEquals(new Media("more/b.png", null, null), dataset.item("more/b").media());
        assertEquals(List.of(), problems.lines);
    }

    @Test
    void annotationsMissingFromEveryListAreReadIntoDefaultAndReported() throws IOException {
        VocFixture fixture = VocFixture.in(dir)
                .file("ImageSets/Main/train.txt", "a\n")
                .file("Annotations/a.xml", VocFixture.annotation(""))
                .file("Annotations/b.xml", VocFixture.annotation(""));
        RecordedProblems problems = new RecordedProblems();
        Loaded dataset = Datasets.read(voc, fixture.source(), problems);

        assertEquals(List.of("default/b", "train/a"), dataset.ids());
        assertTrue(problems.any("1 XML file(s) in Annotations/ are in no ImageSets list"), problems.toString());
        assertFalse(dataset.item("a").media().hasSize());
    }
}
