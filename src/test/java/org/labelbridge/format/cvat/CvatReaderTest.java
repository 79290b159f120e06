package org.labelbridge.format.cvat;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** What the reader does with the less common shapes of CVAT XML. */
class CvatReaderTest {

    private static final CvatImagesFormat FORMAT = new CvatImagesFormat();

    @TempDir
    Path dir;

    private static String meta(String labels, String extra) {
        return "<?xml version=\"1.0\"?>\n<annotations>\n<version>1.1</version>\n<meta><task>" + extra
                + "<labels>" + labels + "</labels></task></meta>\n";
    }

    @Test
    void datumaroStyleFilesPerSubsetShareTheirLabels() throws IOException {
        Files.writeString(dir.resolve("train.xml"), meta("<label><name>a</name></label>", "")
                + "<image id=\"0\" name=\"x.jpg\"><tag label=\"a\"/></image></annotations>");
        Files.writeString(dir.resolve("val.xml"), meta("<label><name>a</name></label><label><name>b</name></label>",
                "") + "<image id=\"0\" name=\"y.jpg\"><tag label=\"b\"/></image></annotations>");

        Datasets.Loaded dataset = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of("a", "b"), dataset.categories().labels().stream().map(Label::name).toList());
        assertEquals(List.of("train/x", "val/y"), dataset.ids());
        assertEquals("b", dataset.labelOf(dataset.item("y").annotations().get(0)));
    }

    @Test
    void aTaskSubsetNamesItemsWithoutOne() throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), meta("", "<subset>validation</subset>")
                + "<image id=\"3\" name=\"x.png\"/></annotations>");

        assertEquals(List.of("validation/x"), Datasets.read(FORMAT, DirectorySource.of(dir)).ids());
    }

    @Test
    void missingSkeletonNodesAreAbsentAndUnknownElementsAreReported() throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), meta("<label><name>s</name><type>skeleton</type></label>"
                + "<label><name>p</name><parent>s</parent></label><label><name>q</name><parent>s</parent></label>",
                "") + "<image id=\"0\" name=\"x.jpg\" width=\"4\" height=\"4\">\n"
                + "<skeleton label=\"s\"><points label=\"q\" occluded=\"1\" points=\"1,2\"/></skeleton>\n"
                + "<cloud label=\"s\"/>\n"
                + "<mask label=\"s\" rle=\"0, 4\" left=\"3\" top=\"3\" width=\"2\" height=\"2\"/>\n"
                + "</image></annotations>");
        RecordedProblems problems = new RecordedProblems();

        Item item = Datasets.read(FORMAT, DirectorySource.of(dir), problems).item("x");

        Skeleton skeleton = (Skeleton) item.annotations().get(0);
        assertEquals(List.of(1, 2), skeleton.nodes().stream().map(Points::label).toList());
        assertEquals(Points.ABSENT, skeleton.nodes().get(0).visibility(0), "p is not in the file");
        assertEquals(Points.HIDDEN, skeleton.nodes().get(1).visibility(0));
        Mask mask = (Mask) item.annotations().get(1);
        assertEquals(1, mask.rle().area(), "the 2x2 box is cut to the pixel inside the 4x4 image");
        assertEquals(List.of(
                "dataset: annotations.xml, line 7: <cloud> in <image> is not a CVAT element this reader knows; "
                        + "skipped (and any more of them)",
                "changed x mask: the <mask> at annotations.xml, line 8 reaches outside the image and is cut to it"),
                problems.lines.stream().map(line -> line.replace(dir.getFileName() + "!/", "")).toList());
    }

    @Test
    void aTrackWithAnUndeclaredLabelIsDroppedFrameByFrame() throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), meta("", "<original_size><width>4</width>"
                + "<height>3</height></original_size>")
                + "<track id=\"4\" label=\"ghost\">\n"
                + "<box frame=\"2\" keyframe=\"1\" outside=\"0\" xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>\n"
                + "<box frame=\"3\" keyframe=\"1\" outside=\"1\" xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>\n"
                + "</track></annotations>");
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/frame_000005.png"), new byte[] {1});
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(new CvatVideoFormat(), DirectorySource.of(dir), problems);

        assertEquals(List.of("annotations/frame_000002", "annotations/frame_000003", "annotations/frame_000005"),
                dataset.ids(), "frames of the track, and the frame image without annotations");
        assertEquals(List.of(), dataset.item("frame_000002").annotations());
        assertEquals("images/frame_000005.png", dataset.item("frame_000005").media().path());
        assertEquals(Map.of("frame", 5L), dataset.item("frame_000005").attributes());
        assertNull(dataset.item("frame_000002").media().path());
        assertEquals(2, problems.matching("label 'ghost' of the <box>").size());
    }

    @Test
    void roundTripsThroughAZip(@TempDir Path out) throws IOException {
        DirectorySource source = Corpus.source("cvat_images_1.1/ovd_export_project");
        Datasets.Loaded original = Datasets.read(FORMAT, source);
        Path zip = out.resolve("cvat.zip");
        try (ZipOutput output = new ZipOutput(zip, source, true)) {
            DatasetWriter writer = FORMAT.writer(output, new RecordedProblems());
            writer.begin(original.categories());
            for (Item item : original.items()) {
                writer.write(item);
            }
            writer.finish();
            output.finish();
        }
        try (InputArchive archive = InputArchive.open(zip)) {
            assertEquals(FORMAT.id(), FORMAT.detect(archive.source()).matched() ? FORMAT.id() : "none");
            Datasets.Loaded read = Datasets.read(FORMAT, archive.source());
            assertEquals(original.categories(), read.categories());
            assertEquals(original.items(), read.items());
        }
    }
}
