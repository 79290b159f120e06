package org.labelbridge.format.voc;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** What the writer puts in each file, checked on the text itself. */
class VocWriterTest {

    private final VocFormat voc = new VocFormat();

    @TempDir
    Path dir;

    private static final Categories CATEGORIES = new Categories(List.of(
            new Label("person", "", List.of(
                    new AttributeDef("jumping", AttributeType.CHECKBOX, false, List.of(), "false"),
                    new AttributeDef("color", AttributeType.SELECT, false, List.of("red", "blue"), "red"))),
            Label.named("head"), Label.named("car")), List.of(), Map.of(), Map.of());
    private static final int PERSON = 0;
    private static final int HEAD = 1;
    private static final int CAR = 2;

    private static Loaded sample() {
        Map<String, Object> personAttributes = new LinkedHashMap<>();
        personAttributes.put("pose", "Left");
        personAttributes.put("truncated", true);
        personAttributes.put("occluded", false);
        personAttributes.put("jumping", true);
        personAttributes.put("color", "red & <blue> ]]>");
        Map<String, Object> carAttributes = new LinkedHashMap<>();
        carAttributes.put("difficult", "maybe");
        carAttributes.put("weight", 5L);
        Item first = new Item("img/1", "train", new Media("photos/1.png", 30, 20), List.of(
                new Bbox(new AnnotationInfo(PERSON, 7, 3, 0, personAttributes, null), 1, 2, 3, 4),
                new Bbox(new AnnotationInfo(HEAD, 0, 3, 0, Map.of(), null), 1.5, 2, 1, 1),
                new Bbox(new AnnotationInfo(CAR, 0, 0, 0, carAttributes, null), 0, 0, 10.25, 5, 30),
                new Tag(AnnotationInfo.of(CAR)),
                new Polygon(AnnotationInfo.of(CAR), new double[] {0, 0, 4, 0, 4, 4, 0, 4})));
        Item second = new Item("b c", "val", Media.NONE, List.of(new Tag(AnnotationInfo.of(PERSON))));
        return new Loaded(CATEGORIES, List.of(first, second));
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void annotationXml() throws IOException {
        Datasets.write(voc, sample(), dir, null, new RecordedProblems());

        assertEquals("""
                <?xml version='1.0' encoding='UTF-8'?>
                <annotation>
                  <folder></folder>
                  <filename>img/1.png</filename>
                  <source>
                    <database>Unknown</database>
                    <annotation>Unknown</annotation>
                    <image>Unknown</image>
                  </source>
                  <size>
                    <width>30</width>
                    <height>20</height>
                    <depth></depth>
                  </size>
                  <segmented>1</segmented>
                  <object>
                    <name>person</name>
                    <pose>Left</pose>
                    <truncated>1</truncated>
                    <occluded>0</occluded>
                    <difficult>0</difficult>
                    <bndbox>
                      <xmin>1</xmin>
                      <ymin>2</ymin>
                      <xmax>4</xmax>
                      <ymax>6</ymax>
                    </bndbox>
                    <part>
                      <name>head</name>
                      <bndbox>
                        <xmin>1.5</xmin>
                        <ymin>2</ymin>
                        <xmax>2.5</xmax>
                        <ymax>3</ymax>
                      </bndbox>
                    </part>
                    <actions>
                      <jumping>1</jumping>
                    </actions>
                    <attributes>
                      <attribute>
                        <name>color</name>
                        <value>red &amp; &lt;blue&gt; ]]&gt;</value>
                      </attribute>
                    </attributes>
                  </object>
                  <object>
                    <name>car</name>
                    <truncated>0</truncated>
                    <occluded>0</occluded>
                    <difficult>0</difficult>
                    <bndbox>
                      <xmin>0</xmin>
                      <ymin>0</ymin>
                      <xmax>10.25</xmax>
                      <ymax>5</ymax>
                    </bndbox>
                    <attributes>
                      <attribute>
                        <name>weight</name>
                        <value>5</value>
                      </attribute>
                    </attributes>
                  </object>
                </annotation>
                """, read("Annotations/img/1.xml"));
    }

    @Test
    void listsAndLabelmap() throws IOException {
        Datasets.write(voc, sample(), dir, null, new RecordedProblems());

        assertEquals("img/1\n", read("ImageSets/Main/train.txt"));
        assertEquals("b c\n", read("ImageSets/Main/val.txt"));
        assertEquals("img/1  1\n", read("ImageSets/Layout/train.txt"), "object 1 has a part");
        assertEquals("img/1\n", read("ImageSets/Action/train.txt"));
        assertEquals("img/1 1  1\n", read("ImageSets/Action/jumping_train.txt"));
        assertEquals("img/1  1\n", read("ImageSets/Main/car_train.txt"));
        assertEquals("img/1 -1\n", read("ImageSets/Main/person_train.txt"));
        assertEquals("b c  1\n", read("ImageSets/Main/person_val.txt"));
        assertFalse(Files.exists(dir.resolve("ImageSets/Main/head_train.txt")), "head is only a part");
        assertEquals("""
                # label:color_rgb:parts:actions
                person:128,0,0:head:jumping
                car:128,128,0::
                background:0,0,0::
                """, read("labelmap.txt"), "no colours in the source: VOC palette colours 1, 2, 3 by label index;"
                + " black for the pixels the car polygon leaves");
        assertEquals("img/1\n", read("ImageSets/Segmentation/train.txt"));
        assertTrue(Files.exists(dir.resolve("Annotations/b c.xml")), "every item has an annotation file");
        assertTrue(read("Annotations/b c.xml").contains("<filename>b c.jpg</filename>"));
    }

    @Test
    void whatVocCannotHoldIsReported() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, sample(), dir, null, problems);

        assertTrue(problems.any("changed img/1 bbox: attribute 'difficult' = 'maybe' is not a 0/1 flag"), problems.toString());
        assertTrue(problems.any("changed img/1 bbox: rotation 30 degrees dropped"), problems.toString());
        assertTrue(problems.any("attribute 'weight' (Long) is written as text"), problems.toString());
        assertTrue(problems.any("label 'person': attribute 'color' (select) is not declared in labelmap.txt"),
                problems.toString());
        assertTrue(problems.any("changed img/1 polygon: polygon painted into the SegmentationClass and SegmentationObject"
                + " PNGs (read back as a mask)"), problems.toString());
        assertTrue(problems.any("labelmap.txt gains the label 'background' (0, 0, 0)"), problems.toString());
        assertTrue(problems.any("wrote img/1 as {TAG=1, BBOX=3, MASK=1}: masks and polygons painted into the"
                + " SegmentationClass and SegmentationObject PNGs, read back as one mask per instance"), problems.toString());
        assertEquals(7, problems.lines.size(), problems.toString());
    }

    @Test
    void copiesImagesUnderTheirItemIds(@TempDir Path media) throws IOException {
        Files.createDirectories(media.resolve("photos"));
        Files.write(media.resolve("photos/1.png"), new byte[] {1, 2, 3});
        Datasets.write(voc, sample(), dir, org.labelbridge.archive.DirectorySource.of(media), new RecordedProblems());

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("JPEGImages/img/1.png")));
    }

    @Test
    void labelNamesThatWouldBreakLabelmapAreRefused() {
        Loaded dataset = new Loaded(Categories.ofNames(List.of("a:b")), List.of());
        FormatException e = assertThrows(FormatException.class,
                () -> Datasets.write(voc, dataset, dir, null, new RecordedProblems()));
        assertTrue(e.getMessage().contains("label 'a:b' cannot be written to labelmap.txt"), e.getMessage());
    }

    @Test
    void sameIdInTwoSubsetsIsWrittenUnderItsSubsetName() throws IOException {
        Loaded dataset = new Loaded(Categories.ofNames(List.of("dog")), List.of(
                new Item("x", "train", Media.NONE, List.of()),
                new Item("x", "trainval", Media.NONE, List.of())));
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(voc, dataset, dir, null, problems);

        assertEquals("x\n", read("ImageSets/Main/train.txt"));
        assertEquals("trainval_x\n", read("ImageSets/Main/trainval.txt"));
        assertTrue(Files.exists(dir.resolve("Annotations/x.xml")) && Files.exists(dir.resolve("Annotations/trainval_x.xml")));
        assertTrue(problems.any("item x: written as 'trainval_x' in subset 'trainval'"), problems.toString());
    }
}
