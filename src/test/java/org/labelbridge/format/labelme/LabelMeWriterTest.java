package org.labelbridge.format.labelme;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;

/** What the writer puts in each file, checked on the text and the pixels. */
class LabelMeWriterTest {

    private final LabelMeFormat labelMe = new LabelMeFormat();

    @TempDir
    Path dir;

    private static final Categories CATEGORIES = new Categories(List.of(
            new Label("person", "", List.of(AttributeDef.named("mood"))), Label.named("head"), Label.named("car"),
            Label.named("unused")), List.of(), Map.of(), Map.of(2, new Rgb(1, 2, 3)));

    private static Loaded sample() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("occluded", true);
        person.put("username", "ann");
        person.put("mood", "happy, mostly");
        person.put("age", 30L);
        person.put("tags", List.of("a", "b"));
        Rle plate = Rle.fromBitmap(new byte[] {0, 0, 0, 0, 1, 1, 0, 0, 0}, 3, 3);
        Item first = new Item("photos/1", "default", new Media("in/1.png", 3, 3), List.of(
                new Polygon(new AnnotationInfo(0, 9, 4, 0, person, null), new double[] {0, 0, 2.5, 0, 1, 2}),
                new Bbox(new AnnotationInfo(1, 0, 4, 0, Map.of(), null), 0.5, 0, 1, 1),
                new Mask(new AnnotationInfo(2, 0, 0, 0, Map.of(), null), plate),
                new Bbox(new AnnotationInfo(null, 0, 8, 0, Map.of(), null), 0, 0, 1, 1, 30),
                new Ellipse(AnnotationInfo.of(2), 1, 1, 1, 1, 0)));
        Item again = new Item("photos/1", "default", Media.NONE, List.of());
        Item other = new Item("x", "a/b", Media.NONE, List.of());
        return new Loaded(CATEGORIES, List.of(first, again, other));
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void annotationXml() throws IOException {
        Datasets.write(labelMe, sample(), dir, null, new RecordedProblems());

        assertEquals("""
                <?xml version='1.0' encoding='UTF-8'?>
                <annotation>
                  <filename>1.png</filename>
                  <folder>photos</folder>
                  <source>
                    <sourceImage></sourceImage>
                    <sourceAnnotation>labelbridge</sourceAnnotation>
                  </source>
                  <imagesize>
                    <nrows>3</nrows>
                    <ncols>3</ncols>
                  </imagesize>
                  <object>
                    <name>person</name>
                    <deleted>0</deleted>
                    <verified>0</verified>
                    <occluded>yes</occluded>
                    <date></date>
                    <id>0</id>
                    <parts>
                      <hasparts>1</hasparts>
                      <ispartof></ispartof>
                    </parts>
                    <polygon>
                      <pt>
                        <x>0</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>2.5</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>1</x>
                        <y>2</y>
                      </pt>
                      <username>ann</username>
                    </polygon>
                    <attributes>mood=happy\\, mostly, age=30, tags=[a\\, b]</attributes>
                  </object>
                  <object>
                    <name>head</name>
                    <deleted>0</deleted>
                    <verified>0</verified>
                    <occluded>no</occluded>
                    <date></date>
                    <id>1</id>
                    <parts>
                      <hasparts></hasparts>
                      <ispartof>0</ispartof>
                    </parts>
                    <type>bounding_box</type>
                    <polygon>
                      <pt>
                        <x>0.5</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>1.5</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>1.5</x>
                        <y>1</y>
                      </pt>
                      <pt>
                        <x>0.5</x>
                        <y>1</y>
                      </pt>
                      <username></username>
                    </polygon>
                    <attributes></attributes>
                  </object>
                  <object>
                    <name>car</name>
                    <deleted>0</deleted>
                    <verified>0</verified>
                    <occluded>no</occluded>
                    <date></date>
                    <id>2</id>
                    <parts>
                      <hasparts></hasparts>
                      <ispartof></ispartof>
                    </parts>
                    <segm>
                      <mask>photos/1_mask_2.png</mask>
                      <box>
                        <xmin>1</xmin>
                        <ymin>1</ymin>
                        <xmax>3</xmax>
                        <ymax>2</ymax>
                      </box>
                      <username></username>
                    </segm>
                    <attributes></attributes>
                  </object>
                  <object>
                    <name></name>
                    <deleted>0</deleted>
                    <verified>0</verified>
                    <occluded>no</occluded>
                    <date></date>
                    <id>3</id>
                    <parts>
                      <hasparts></hasparts>
                      <ispartof></ispartof>
                    </parts>
                    <type>bounding_box</type>
                    <polygon>
                      <pt>
                        <x>0</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>1</x>
                        <y>0</y>
                      </pt>
                      <pt>
                        <x>1</x>
                        <y>1</y>
                      </pt>
                      <pt>
                        <x>0</x>
                        <y>1</y>
                      </pt>
                      <username></username>
                    </polygon>
                    <attributes></attributes>
                  </object>
                </annotation>
                """, read("default/photos/1.xml"));
    }

    /** Masks are two-colour palette PNGs in Datumaro's amber over black. */
    @Test
    void maskPng() throws IOException {
        Datasets.write(labelMe, sample(), dir, null, new RecordedProblems());

        MaskImage png;
        try (InputStream in = Files.newInputStream(dir.resolve("default/Masks/photos/1_mask_2.png"))) {
            png = MaskImages.read(in, "mask");
        }
        assertEquals(MaskImage.Kind.INDEXED, png.kind());
        assertEquals(List.of(new Rgb(0, 0, 0), new Rgb(255, 203, 0)), png.palette());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 0, 0, 0}, png.samples().values());
    }

    @Test
    void whatLabelMeCannotHoldIsReported() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.write(labelMe, sample(), dir, null, problems);

        assertEquals(List.of(
                "dataset: attribute declarations of labels [person] not kept: LabelMe declares no attributes, each"
                        + " object carries its values",
                "dataset: label colours not kept: LabelMe has none",
                "dropped photos/1 ellipse: LabelMe holds polygons, boxes and masks only",
                "changed photos/1 bbox: group 8 has no other member: LabelMe links parts to an object, so it reads"
                        + " back ungrouped",
                "dataset: attribute 'tags' (list) is written as text: LabelMe attributes are flags, numbers or text",
                "changed photos/1 bbox: rotation 30 degrees dropped: LabelMe boxes are axis-aligned",
                "item photos/1: item 'photos/1' of subset 'default' comes again: LabelMe keeps one"
                        + " default/photos/1.xml, the first one written",
                "dataset: subset 'a/b' written as 'a_b/': a subset is one folder",
                "dataset: labels no annotation uses are not kept: LabelMe names labels only on objects: unused"),
                problems.lines);
        assertTrue(Files.exists(dir.resolve("a_b/x.xml")));
    }

    /** What was written reads back: the person is the group's parent, its attributes typed. */
    @Test
    void readsBack() throws IOException {
        Datasets.write(labelMe, sample(), dir, null, new RecordedProblems());
        Loaded again = Datasets.read(labelMe, DirectorySource.of(dir));

        Item first = again.item("photos/1");
        assertEquals(List.of(1, 1, 0, 0), first.annotations().stream().map(a -> a.info().group()).toList());
        Map<String, Object> person = first.annotations().get(0).attributes();
        assertEquals("happy, mostly", person.get("mood"));
        assertEquals(30L, person.get("age"));
        assertEquals("[a, b]", person.get("tags"));
        assertEquals(true, person.get("occluded"));
        assertEquals("ann", person.get("username"));
        assertEquals(List.of("person", "head", "car"), again.categories().labels().stream().map(Label::name).toList());
    }
}
