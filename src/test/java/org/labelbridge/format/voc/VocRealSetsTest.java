package org.labelbridge.format.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionReport;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Tag;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.Zips;

/**
 * VOC sets as people build them with VOC tools: their own classes and no labelmap.txt, and the
 * devkit's trainval list beside train and val. Built from the corpus sample voc_dataset1
 * (2007_000001 in train, 2007_000002 in test), converted through the pipeline and read back.
 */
class VocRealSetsTest {

    @TempDir
    Path tmp;

    private static final String BOX = "<bndbox><xmin>1</xmin><ymin>2</ymin><xmax>5</xmax><ymax>6</ymax></bndbox>";

    /** voc_dataset1 copied into {@code in/}, to be changed by the test. */
    private Path sample() throws IOException {
        Path from = Corpus.path("pascal_voc_1.1/voc_dataset1");
        Path in = tmp.resolve("in");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = in.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return in;
    }

    private static void write(Path dir, String path, String text) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text);
    }

    private ConversionResult vocToVoc(Path in) throws IOException {
        Path zip = Zips.zipFolder(in, tmp.resolve("in.zip"), "");
        return Converter.convert(new ConversionRequest(zip, "voc", "voc", null, tmp.resolve("out")));
    }

    private Loaded output() throws IOException {
        return Datasets.read(new VocFormat(), DirectorySource.of(tmp.resolve("out")));
    }

    @Test
    void labelsOutsideTheVocClassesWithoutALabelMapAreDeclaredAfterThemNotDropped() throws IOException {
        Path in = sample();
        write(in, "Annotations/2007_000002.xml", "<annotation><filename>2007_000002.jpg</filename>"
                + "<size><width>20</width><height>10</height></size>"
                + "<object><name>traffic_sign</name>" + BOX + "</object>"
                + "<object><name>rider</name>" + BOX + "<part><name>helmet</name>" + BOX + "</part></object>"
                + "<object><name>dog</name>" + BOX + "</object></annotation>");

        ConversionResult result = vocToVoc(in);

        Loaded d = output();
        List<String> names = d.categories().labels().stream().map(l -> l.name()).toList();
        assertEquals("tvmonitor", names.get(20));
        assertTrue(names.containsAll(List.of("helmet", "rider", "traffic_sign")), names.toString());
        List<Annotation> boxes = d.item("test", "2007_000002").annotations();
        assertEquals(List.of("traffic_sign", "rider", "helmet", "dog"), boxes.stream().map(d::labelOf).toList());
        Bbox sign = (Bbox) boxes.get(0);
        assertEquals(List.of(1.0, 2.0, 4.0, 4.0), List.of(sign.x(), sign.y(), sign.w(), sign.h()));
        assertEquals(1, sign.info().group());
        assertEquals(boxes.get(1).info().group(), boxes.get(2).info().group(), "the helmet is a part of the rider");
        assertEquals(3, d.item("train", "2007_000001").annotations().stream().filter(Bbox.class::isInstance).count());

        assertEquals(0, result.report().droppedAnnotations(), result.report().toMap().toString());
        List<String> notes = result.report().entries().stream().map(ConversionReport.Entry::reason)
                .filter(r -> r.contains("not VOC classes")).toList();
        assertEquals(List.of("no labelmap.txt: 3 label(s) of the annotations that are not VOC classes are declared"
                + " after them: helmet, rider, traffic_sign"), notes);
        assertTrue(Files.readString(tmp.resolve("out/labelmap.txt")).contains("\ntraffic_sign:"));
    }

    @Test
    void aLabelMapStillDecidesWhichLabelsThereAre() throws IOException {
        Path in = sample();
        write(in, "labelmap.txt", "background:0,0,0::\ncat:64,0,0::\nperson:192,128,128:head:\n");
        Files.delete(in.resolve("SegmentationClass/2007_000001.png")); // its bicycle is not in this label map
        Files.delete(in.resolve("SegmentationObject/2007_000001.png"));
        write(in, "Annotations/2007_000002.xml", "<annotation><filename>2007_000002.jpg</filename>"
                + "<object><name>traffic_sign</name>" + BOX + "</object></annotation>");

        ConversionResult result = vocToVoc(in);

        assertEquals(List.of("background", "cat", "person", "head"),
                output().categories().labels().stream().map(l -> l.name()).toList());
        assertEquals(1, result.report().droppedAnnotations());
    }

    @Test
    void trainvalBesideTrainAndValIsTheirUnionNotAFourthSubset() throws IOException {
        Path in = sample();
        for (String id : List.of("2007_000003", "2007_000004")) {
            Files.copy(in.resolve("JPEGImages/2007_000002.jpg"), in.resolve("JPEGImages/" + id + ".jpg"));
        }
        write(in, "ImageSets/Main/train.txt", "2007_000001\n");
        write(in, "ImageSets/Main/val.txt", "2007_000002\n");
        write(in, "ImageSets/Main/trainval.txt", "2007_000001\n2007_000002\n2007_000003\n");
        write(in, "ImageSets/Main/test.txt", "2007_000004\n");
        write(in, "ImageSets/Main/car_trainval.txt", "2007_000001 -1\n2007_000002  1\n2007_000003  1\n");
        for (String dir : List.of("Action", "Layout", "Segmentation")) {
            write(in, "ImageSets/" + dir + "/train.txt", "");
            write(in, "ImageSets/" + dir + "/test.txt", "");
        }

        ConversionResult result = vocToVoc(in);

        Loaded d = output();
        assertEquals(List.of("test/2007_000004", "train/2007_000001", "trainval/2007_000003", "val/2007_000002"),
                d.ids().stream().sorted().toList());
        assertEquals(List.of("car"), tags(d, "val", "2007_000002"), "the trainval list's labels join the item in val");
        assertEquals(List.of("car"), tags(d, "trainval", "2007_000003"));
        assertEquals(4, result.report().itemsOut());
        assertTrue(result.report().entries().stream().anyMatch(e -> e.reason().equals("ImageSets: trainval is the"
                + " union of train and val, not a subset of its own: 2 of its items are read in train/val only;"
                + " 1 item(s) listed only in trainval keep subset 'trainval'")), result.report().toMap().toString());
    }

    @Test
    void trainvalAloneIsTheSubset() throws IOException {
        Path in = sample();
        for (String dir : List.of("Main", "Action", "Layout", "Segmentation")) {
            Files.delete(in.resolve("ImageSets/" + dir + "/train.txt"));
            Files.delete(in.resolve("ImageSets/" + dir + "/test.txt"));
        }
        try (Stream<Path> lists = Files.list(in.resolve("ImageSets/Main"))) {
            for (Path list : lists.toList()) {
                Files.delete(list);
            }
        }
        write(in, "ImageSets/Main/trainval.txt", "2007_000001\n2007_000002\n");

        ConversionResult result = vocToVoc(in);

        assertEquals(List.of("trainval/2007_000001", "trainval/2007_000002"), output().ids());
        assertTrue(result.report().entries().stream().noneMatch(e -> e.reason().contains("trainval")),
                result.report().toMap().toString());
    }

    private static List<String> tags(Loaded d, String subset, String id) {
        return d.item(subset, id).annotations().stream().filter(Tag.class::isInstance).map(d::labelOf).toList();
    }
}
