package org.labelbridge.format.mots;

import org.labelbridge.testing.RecordedProblems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Track;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/** MOTS PNG in and out: instance PNGs of tracked objects, one pixel value per track and class. */
class MotsFormatTest {

    private static final MotsFormat FORMAT = new MotsFormat();
    private static final Categories ABCD = Categories.ofNames(List.of("a", "b", "c", "d"));

    /**
     * MANIFEST mots_png_1.0/mots_dataset: 1 (train): d [0,0,0,1,0] {track_id:1}, c [0,0,1,0,0]
     * {track_id:2}, d [1,1,0,0,0] {track_id:3}; 2 (train): d [1,0,0,0,0] {track_id:2}; 3 (val):
     * a [0,1,0,0,0] {track_id:1}. Masks are 1x5; track_id is the model's Track.
     */
    @Test
    void corpusSampleMatchesTheManifest() throws IOException {
        RecordedProblems problems = new RecordedProblems();
        Datasets.Loaded dataset = Datasets.read(FORMAT, Corpus.source("mots_png_1.0/mots_dataset"), problems);

        assertEquals(ABCD, dataset.categories());
        assertEquals(corpusItems(), dataset.items());
        assertEquals(List.of(), problems.lines);
    }

    /** The sample as the manifest gives it (masks ordered by pixel value, as the PNG is split). */
    static List<Item> corpusItems() {
        return List.of(
                new Item("1", "train", new Media("train/images/1.jpg", 5, 1), List.of(
                        mask(2, 2, 0, 0, 1, 0, 0), mask(3, 1, 0, 0, 0, 1, 0), mask(3, 3, 1, 1, 0, 0, 0))),
                new Item("2", "train", new Media("train/images/2.jpg", 5, 1), List.of(mask(3, 2, 1, 0, 0, 0, 0))),
                new Item("3", "val", new Media("val/images/3.jpg", 5, 1), List.of(mask(0, 1, 0, 1, 0, 0, 0))));
    }

    private static Mask mask(int label, long track, int... row) {
        byte[] bitmap = new byte[row.length];
        for (int i = 0; i < row.length; i++) {
            bitmap[i] = (byte) row[i];
        }
        return new Mask(new AnnotationInfo(label, 0, 0, 0, Map.of(), new Track(track, true, false)),
                Rle.fromBitmap(bitmap, 1, row.length));
    }

    @Test
    void corpusSampleReadsBackTheSameAndItsPngsKeepTheirValues(@TempDir Path dir) throws IOException {
        DirectorySource source = Corpus.source("mots_png_1.0/mots_dataset");
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, Datasets.read(FORMAT, source), dir, source, problems);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));

        assertEquals(List.of(), problems.losses());
        assertEquals(ABCD, read.categories());
        assertEquals(corpusItems(), read.items());
        assertEquals(IndexImage.of(1, 5, 4003, 4003, 3002, 4001, 0), png(dir.resolve("train/instances/1.png")).samples());
        assertEquals(16, png(dir.resolve("train/instances/1.png")).bitDepth());
        assertEquals("a\nb\nc\nd", Files.readString(dir.resolve("val/instances/labels.txt")));
        assertArrayEquals(Files.readAllBytes(source.directory().resolve("val/images/3.jpg")),
                Files.readAllBytes(dir.resolve("val/images/3.jpg")));
    }

    @Test
    void shapesArePaintedByZOrderAndWhatMotsCannotHoldIsReported(@TempDir Path dir) throws IOException {
        Datasets.Loaded dataset = new Datasets.Loaded(ABCD, List.of(new Item("f", "default", new Media(null, 4, 2),
                List.of(
                        new Bbox(tracked(0, 7, 1, true), 0, 0, 4, 2),
                        new Polygon(tracked(1, 8, 2, true), new double[] {0, 0, 2, 0, 2, 2, 0, 2}),
                        new Bbox(tracked(1, 8, 3, false), 3, 0, 1, 1),
                        new Bbox(AnnotationInfo.of(0), 0, 0, 1, 1),
                        new Bbox(tracked(0, 1000, 0, true), 0, 0, 1, 1)))));
        RecordedProblems problems = new RecordedProblems();

        Datasets.write(FORMAT, dataset, dir, null, problems);

        // track 8's polygon (z 2) and box (z 3) over track 7's box (z 1); track 8's shapes merge
        assertEquals(IndexImage.of(2, 4, 2008, 2008, 1007, 2008, 2008, 2008, 1007, 1007),
                png(dir.resolve("default/instances/f.png")).samples());
        assertEquals(List.of(
                "dataset: z-order decides which shape is on top where shapes overlap; MOTS does not store it",
                "changed f bbox: keyframe=false is not kept: every MOTS mask reads back as a keyframe",
                "dropped f bbox: not part of a track: MOTS holds tracked objects only, as CVAT exports only tracks to it",
                "dropped f bbox: track id 1000 is not a MOTS instance id (0 to 999)",
                "changed f bbox: bbox painted into the instance mask",
                "changed f polygon: polygon painted into the instance mask",
                "changed f bbox: bbox painted into the instance mask",
                "changed f bbox: merged with the other 'b' shape of track 8 on this frame: MOTS has one instance per "
                        + "track and label",
                "changed f bbox: partly hidden under shapes above it (z-order)",
                "wrote f as {MASK=2}: painted into the instance PNG, which reads back as one mask per track and label"),
                problems.lines);
        Datasets.Loaded read = Datasets.read(FORMAT, DirectorySource.of(dir));
        assertEquals(List.of(new Track(7, true, false), new Track(8, true, false)),
                read.item("f").annotations().stream().map(a -> a.info().track()).toList());
    }

    @Test
    void rootInstancesAre8Or16BitAndClassTenIsIgnored(@TempDir Path dir) throws IOException {
        writePng(dir.resolve("instances/a.png"), 8, IndexImage.of(1, 2, 0, 0));
        writePng(dir.resolve("instances/b.png"), 16, IndexImage.of(1, 3, 10005, 2001, 7));
        RecordedProblems problems = new RecordedProblems();

        Datasets.Loaded dataset = Datasets.read(FORMAT, DirectorySource.of(dir), problems);

        assertEquals(Categories.ofNames(List.of("car", "pedestrian", "ignored")), dataset.categories());
        assertEquals(List.of("default/a", "default/b"), dataset.ids());
        assertEquals(List.of(), dataset.item("a").annotations());
        assertEquals(List.of(
                new Mask(new AnnotationInfo(1, 0, 0, 0, Map.of(), new Track(1, true, false)),
                        Rle.fromBitmap(new byte[] {0, 1, 0}, 1, 3)),
                new Mask(new AnnotationInfo(2, 0, 0, 1, Map.of(), new Track(5, true, false)),
                        Rle.fromBitmap(new byte[] {1, 0, 0}, 1, 3))), dataset.item("b").annotations());
        assertEquals(List.of(
                "dataset: no instances/labels.txt: the labels are MOTS's classes [car, pedestrian, ignored]",
                "item b: pixel value 7 in " + dir.getFileName() + "!/instances/b.png has class 0, the background: "
                        + "read as background, as Datumaro does"), problems.lines);
    }

    @Test
    void brokenInputNamesTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("s/instances"));
        Files.writeString(dir.resolve("s/instances/labels.txt"), "a\n");
        writePng(dir.resolve("s/instances/1.png"), 16, IndexImage.of(1, 1, 3001));
        FormatException beyond = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/s/instances/1.png, pixel value 3001: class 3, but there are 1 labels",
                beyond.getMessage());

        Files.createDirectories(dir.resolve("t/instances"));
        Files.writeString(dir.resolve("t/instances/labels.txt"), "b\n");
        writePng(dir.resolve("t/instances/1.png"), 16, IndexImage.of(1, 1, 1001));
        FormatException mismatch = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)));
        assertEquals(dir.getFileName() + "!/t/instances/labels.txt: lists labels [b], but s/instances/labels.txt "
                + "lists [a]: every subset must have the same labels", mismatch.getMessage());

        Files.delete(dir.resolve("t/instances/labels.txt"));
        Files.write(dir.resolve("s/instances/1.png"), new byte[] {1, 2, 3});
        FormatException notPng = assertThrows(FormatException.class,
                () -> Datasets.read(FORMAT, DirectorySource.of(dir)).items());
        assertEquals(dir.getFileName() + "!/s/instances/1.png", notPng.getMessage().split(": ")[0]);
    }

    @Test
    void detectsItsSampleAndDeclinesEveryOtherCorpusSample() throws IOException {
        Detection own = FORMAT.detect(Corpus.source("mots_png_1.0/mots_dataset"));
        assertEquals(Detection.STRONG, own.confidence(), own.evidence());
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> formats = Files.list(Corpus.ROOT)) {
            for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                if (format.getFileName().toString().equals("mots_png_1.0")) {
                    continue;
                }
                try (Stream<Path> samples = Files.list(format)) {
                    for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                        if (FORMAT.detect(DirectorySource.of(sample)).matched()) {
                            claimed.add(Corpus.ROOT.relativize(sample).toString());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
        assertEquals("MOTS PNG 1.0", Formats.byId("mots").orElseThrow().descriptor().displayName());
    }

    private static AnnotationInfo tracked(Integer label, long track, int zOrder, boolean keyframe) {
        return new AnnotationInfo(label, 0, 0, zOrder, Map.of(), new Track(track, keyframe, false));
    }

    private static MaskImage png(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MaskImages.read(in, file.toString());
        }
    }

    private static void writePng(Path file, int bitDepth, IndexImage image) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            PngEncoder.writeGray(image, bitDepth, out);
        }
    }
}
