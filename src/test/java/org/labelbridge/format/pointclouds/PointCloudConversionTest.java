package org.labelbridge.format.pointclouds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;

/**
 * The point cloud formats converted into each other through {@link Converter}, checked on the
 * cuboids (label, position, rotation, scale, track), the frames and the media files read back;
 * and conversions between point clouds and images refused with their reason.
 */
class PointCloudConversionTest {

    private static final String KITTI_RAW = "kitti_raw_1.0/kitti_raw";
    private static final String SLY = "sly_pointcloud_1.0/sly_pointcloud_dataset";
    private static final String DATUMARO_3D = "datumaro_3d_1.0/cvd_with_pcd";
    private static final String MEDIA_ONLY = "cvat_3d_media/test_pointcloud_pcd";

    /** MANIFEST kitti_raw_1.0/kitti_raw, as "id@frame label position rotation scale track". */
    private static final List<String> KITTI_RAW_CUBOIDS = List.of(
            "0000000000@0 bus [1, 1, 0] [0, 0, 0] [8.34, 23.01, -0.76] track 2",
            "0000000000@0 car [1, 2, 3] [0, 0, 0] [7.95, -3.62, -1.03] track 1",
            "0000000001@1 bus [0, 1, 0] [1, 1, 3] [8.34, 23.01, -0.76] track 2",
            "0000000002@2 car [1, 2, 3] [0, 0, 0] [-9.41, 13.54, 0.24] track 3");

    /** MANIFEST sly_pointcloud_1.0/sly_pointcloud_dataset, positions at 2 decimals. */
    private static final List<String> SLY_CUBOIDS = List.of(
            "frame1@0 car [0.36, 0.64, 0.93] [0, 0, 0] [0.01, 0.01, 0.01] track 231831",
            "frame1@0 car [0.47, 0.23, 0.79] [0, 0, 0] [0.01, 0.01, 0.01] track 231825",
            "frame2@1 bus [0.59, 14.41, -0.61] [0, 0, 0] [1, 1, 1] track 36");

    @TempDir
    Path work;

    @Test
    void kittiRawToDatumaro3dAndBackKeepsTheTrackedCuboidsAndTheMedia() throws IOException {
        Datasets.Converted datumaro = convert(KITTI_RAW, "datumaro_3d", "dm");
        assertEquals(KITTI_RAW_CUBOIDS, cuboids(datumaro.output()));
        assertEquals(List.of(), lossesIn(datumaro));
        for (String id : List.of("0000000000", "0000000001", "0000000002")) {
            assertSameBytes(KITTI_RAW + "/velodyne_points/data/" + id + ".pcd",
                    work.resolve("dm/point_clouds/default/" + id + ".pcd"));
            assertSameBytes(KITTI_RAW + "/IMAGE_00/data/" + id + ".png",
                    work.resolve("dm/related_images/default/" + id + "/image_0.png"));
        }

        Datasets.Converted back = Datasets.convert(work.resolve("dm"), "auto", "kitti_raw", work.resolve("back"),
                ConversionOptions.DEFAULTS);
        assertEquals(KITTI_RAW_CUBOIDS, cuboids(back.output()));
        assertEquals(List.of(false, false, true, false), occluded(back.output()));
        assertSameBytes(KITTI_RAW + "/IMAGE_00/data/0000000001.png", work.resolve("back/image_00/data/0000000001.png"));
        assertSameBytes(KITTI_RAW + "/velodyne_points/data/0000000002.pcd",
                work.resolve("back/velodyne_points/data/0000000002.pcd"));
    }

    @Test
    void slyToDatumaro3dAndBackKeepsObjectsTagsAndRelatedImages() throws IOException {
        Datasets.Converted datumaro = convert(SLY, "datumaro_3d", "dm");
        assertEquals(SLY_CUBOIDS, cuboids(datumaro.output()));
        assertEquals(List.of(), lossesIn(datumaro));
        assertEquals(65L, datumaro.output().item("frame1").attributes().get("tag2"));

        Datasets.Converted back = Datasets.convert(work.resolve("dm"), "auto", "sly_pointcloud", work.resolve("back"),
                ConversionOptions.DEFAULTS);
        assertEquals(SLY_CUBOIDS, cuboids(back.output()));
        Item frame1 = back.output().item("frame1");
        assertEquals("25dsd", frame1.attributes().get("tag1"));
        assertEquals(List.of(755220128L, 755337225L), frame1.annotations().stream().map(a -> a.info().id()).sorted().toList());
        assertEquals("fd", frame1.annotations().stream().filter(a -> a.info().id() == 755220128L).findFirst()
                .orElseThrow().info().attributes().get("tag1"));
        assertSameBytes(SLY + "/ds0/related_images/frame1_pcd/img2.png",
                work.resolve("back/ds0/related_images/frame1_pcd/image_0.png"));
        assertTrue(Files.exists(work.resolve("back/ds0/related_images/frame1_pcd/image_0.png.json")));
    }

    /** MANIFEST: sly_pointcloud to kitti_raw gives the same cuboids with track ids 1..3 and occluded false. */
    @Test
    void slyToKittiRawNumbersTheTracksFromOne() throws IOException {
        Datasets.Converted kitti = convert(SLY, "kitti_raw", "kitti");
        assertEquals(List.of(
                "frame1@0 car [0.36, 0.64, 0.93] [0, 0, 0] [0.01, 0.01, 0.01] track 3",
                "frame1@0 car [0.47, 0.23, 0.79] [0, 0, 0] [0.01, 0.01, 0.01] track 2",
                "frame2@1 bus [0.59, 14.41, -0.61] [0, 0, 0] [1, 1, 1] track 1"), cuboids(kitti.output()));
        assertEquals(List.of(false, false, false), occluded(kitti.output()));
        assertTrue(kitti.count("item attributes") >= 1, kitti.report().entries().toString());
    }

    /** MANIFEST: kitti_raw to sly_pointcloud keeps the same cuboids; the items gain description ''. */
    @Test
    void kittiRawToSlyKeepsTheCuboidsAndTracks() throws IOException {
        Datasets.Converted sly = convert(KITTI_RAW, "sly_pointcloud", "sly");
        assertEquals(KITTI_RAW_CUBOIDS, cuboids(sly.output()));
        assertEquals("", sly.output().item("0000000000").attributes().get("description"));
        assertEquals(List.of(), lossesIn(sly));
    }

    @Test
    void datumaro3dToKittiRawMakesEachUntrackedCuboidATrackletOfItsOwn() throws IOException {
        Datasets.Converted kitti = convert(DATUMARO_3D, "kitti_raw", "kitti");
        assertEquals(List.of("0000000000@0 cat [0.84, -0.22, 0.64] [0, 0, 0] [1, 1, 1] track 1"), cuboids(kitti.output()));
        assertEquals(List.of("0000000000", "0000000001", "0000000002"), ids(kitti.output()));
        assertEquals(List.of("0 0000000000", "1 0000000001", "2 0000000002"),
                Files.readAllLines(work.resolve("kitti/frame_list.txt")));

        Datasets.Converted sly = convert(DATUMARO_3D, "sly_pointcloud", "sly");
        assertEquals(List.of("0000000000@0 cat [0.84, -0.22, 0.64] [0, 0, 0] [1, 1, 1] track 1"), cuboids(sly.output()));
        assertEquals(3, sly.output().items().size());
    }

    /** An unannotated CVAT point cloud task converts to each 3D format with its point cloud and related image. */
    @ParameterizedTest
    @ValueSource(strings = {"datumaro_3d", "kitti_raw", "sly_pointcloud"})
    void cvatPointCloudTaskDataConvertsToEachPointCloudFormat(String target) throws IOException {
        Datasets.Converted converted = convert(MEDIA_ONLY, target, target);

        assertEquals(List.of("000001"), ids(converted.output()));
        Media media = converted.output().item("000001").media();
        assertTrue(media.isPointCloud(), media.toString());
        assertEquals(1, media.relatedImages().size(), media.toString());
        assertSameBytes(MEDIA_ONLY + "/test_pointcloud_pcd/pointcloud/000001.pcd", work.resolve(target).resolve(media.path()));
        assertSameBytes(MEDIA_ONLY + "/test_pointcloud_pcd/related_images/000001_pcd/000001.png",
                work.resolve(target).resolve(media.relatedImages().get(0).path()));
        assertEquals(1, converted.report().itemsOut());
    }

    @Test
    void pointCloudsToAnImageFormatAreRefusedWithTheReason() {
        Path output = work.resolve("coco");
        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(
                Corpus.path(KITTI_RAW), "auto", "coco", ConversionOptions.DEFAULTS, output)));
        assertEquals("kitti_raw: Kitti Raw Format 1.0 holds point clouds (3D) and COCO 1.0 holds images (2D); a conversion"
                + " between them is refused (3D cuboids have no place on images, nor 2D shapes on point clouds)",
                e.getMessage());
        assertFalse(Files.exists(output));
    }

    @Test
    void imagesToAPointCloudFormatAreRefusedWithTheReason() {
        Path output = work.resolve("sly");
        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(
                Corpus.path("coco_1.0/coco_instances"), "auto", "sly_pointcloud", ConversionOptions.DEFAULTS, output)));
        assertTrue(e.getMessage().contains("COCO 1.0 holds images (2D) and Sly Point Cloud Format 1.0 holds point clouds"
                + " (3D); a conversion between them is refused"), e.getMessage());
        assertFalse(Files.exists(output));
    }

    private Datasets.Converted convert(String sample, String target, String folder) throws IOException {
        return Datasets.convert(Corpus.path(sample), "auto", target, work.resolve(folder), ConversionOptions.DEFAULTS);
    }

    private static void assertSameBytes(String sampleFile, Path written) throws IOException {
        assertArrayEquals(Files.readAllBytes(Corpus.path(sampleFile)), Files.readAllBytes(written), written.toString());
    }

    /** Report entries that drop or change annotations or items. */
    private static List<String> lossesIn(Datasets.Converted converted) {
        return converted.report().entries().stream()
                .filter(e -> !e.action().equals("dataset") && !e.action().equals("item"))
                .map(e -> e.action() + ": " + e.reason()).toList();
    }

    private static List<String> cuboids(Datasets.Loaded dataset) {
        return dataset.items().stream().flatMap(item -> item.annotations().stream()
                .map(a -> item.id() + "@" + item.frame() + " " + describe(dataset, (Cuboid3d) a))).sorted().toList();
    }

    private static String describe(Datasets.Loaded dataset, Cuboid3d c) {
        return dataset.labelOf(c) + " " + rounded(c.position()) + " " + rounded(c.rotation()) + " " + rounded(c.scale())
                + (c.info().track() == null ? "" : " track " + c.info().track().id());
    }

    private static String rounded(List<Double> xyz) {
        return xyz.stream().map(v -> {
            String s = String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
            return s.equals("-0") ? "0" : s;
        }).toList().toString();
    }

    private static List<String> ids(Datasets.Loaded dataset) {
        return dataset.items().stream().map(Item::id).toList();
    }

    private static List<Boolean> occluded(Datasets.Loaded dataset) {
        return dataset.items().stream().flatMap(item -> item.annotations().stream()
                .sorted(java.util.Comparator.comparing(a -> a.info().track().id())))
                .map(Annotation::info).map(i -> (Boolean) i.attributes().get("occluded")).toList();
    }
}
