package org.labelbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.format.Feature;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;

/**
 * Hostile annotation documents through every reader of their kind: each ends in a clear error
 * naming the file and the line or entry, quickly, and nothing is fetched, expanded or leaked.
 * JSON limits are {@code SafeJson}'s, XML's {@code SafeXml}'s: the one place each is parsed.
 */
class HostileDocumentsTest {

    @TempDir
    Path tmp;

    private static final String COCO_FILE = "annotations/instances_train.json";
    private static final String COCO = """
            {"images": [{"id": 1, "file_name": "a.jpg", "width": 10, "height": 10}],
             "categories": [{"id": 1, "name": "car"}],
             "extra": 0,
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 2, 2], "iscrowd": 0,
                              "segmentation": []}]}
            """;

    private static final String DATUMARO_FILE = "annotations/default.json";
    private static final String DATUMARO = """
            {"info": 0,
             "categories": {"label": {"labels": [{"name": "car", "parent": "", "attributes": []}], "attributes": []}},
             "items": [{"id": "a", "annotations": [
                 {"id": 0, "type": "bbox", "attributes": {}, "group": 0, "label_id": 0, "z_order": 0, "bbox": [1, 1, 2, 2]}]}]}
            """;

    private static final String WIDER_META_FILE = "dataset_meta.json";

    private static final String SLY_FILE = "ds0/ann/frame1.pcd.json";
    private static final String SLY = """
            {"description": "", "key": "k", "tags": [], "objects": [{"key": "o", "classTitle": "car", "tags": []}],
             "figures": [{"key": "f", "objectKey": "o", "geometryType": "cuboid_3d", "geometry": {
               "position": {"x": 1, "y": 2, "z": 3}, "rotation": {"x": 0, "y": 0, "z": 0},
               "dimensions": {"x": 1, "y": 1, "z": 1}}}]}
            """;

    private static final String DATUMARO_3D_FILE = "annotations/default.json";
    private static final String DATUMARO_3D = """
            {"info": {},
             "categories": {"label": {"labels": [{"name": "cat", "parent": "", "attributes": []}], "attributes": []}},
             "items": [{"id": "0000000000", "annotations": [], "point_cloud": {"path": "0000000000.pcd"},
                        "related_images": {"path": "image_0.png"}}]}
            """;

    /** Nesting deeper than SafeJson allows, though shallower than Jackson's own default of 1000. */
    private static final String DEEP = "[".repeat(150) + "]".repeat(150);
    /** A number longer than SafeJson allows, though shorter than Jackson's own default of 1000. */
    private static final String LONG_NUMBER = "1" + "0".repeat(200);

    static Stream<Arguments> jsonDocuments() {
        return Stream.of(
                json("coco", "deep nesting", COCO_FILE, COCO.replace("\"extra\": 0", "\"extra\": " + DEEP),
                        "line 3", "nesting depth (101) exceeds the maximum allowed (100"),
                json("coco", "huge number", COCO_FILE, COCO.replace("\"width\": 10", "\"width\": " + LONG_NUMBER),
                        "line 1", "Number value length (201) exceeds the maximum allowed (100"),
                json("coco", "number beyond a double", COCO_FILE, COCO.replace("[1, 1, 2, 2]", "[1e999, 1, 2, 2]"),
                        "line 4", "number 1e999 is out of range (not a finite double)"),
                json("coco", "NaN", COCO_FILE, COCO.replace("[1, 1, 2, 2]", "[NaN, 1, 2, 2]"),
                        "line 4", "Non-standard token 'NaN'"),
                json("coco", "Infinity", COCO_FILE, COCO.replace("[1, 1, 2, 2]", "[1, -Infinity, 2, 2]"),
                        "line 4", "Non-standard token '-Infinity'"),
                json("coco", "wrong type", COCO_FILE, COCO.replace("[1, 1, 2, 2]", "\"1 1 2 2\""),
                        "annotations[0] (id 1), line 4", "'bbox' must be a list"),
                json("coco", "broken quoting", COCO_FILE, COCO.replace("\"a.jpg\"", "\"a.jpg, "),
                        "line 1", "malformed JSON"),
                json("datumaro", "deep nesting", DATUMARO_FILE, DATUMARO.replace("\"info\": 0", "\"info\": " + DEEP),
                        "line 1", "nesting depth (101) exceeds the maximum allowed (100"),
                json("datumaro", "huge number", DATUMARO_FILE, DATUMARO.replace("\"group\": 0", "\"group\": " + LONG_NUMBER),
                        "line 4", "Number value length (201) exceeds the maximum allowed (100"),
                json("datumaro", "number beyond a double", DATUMARO_FILE, DATUMARO.replace("[1, 1, 2, 2]", "[1, 1, 2e400, 2]"),
                        "line 4", "number 2e400 is out of range (not a finite double)"),
                json("datumaro", "NaN", DATUMARO_FILE, DATUMARO.replace("[1, 1, 2, 2]", "[1, NaN, 2, 2]"),
                        "line 4", "Non-standard token 'NaN'"),
                json("datumaro", "wrong type", DATUMARO_FILE, DATUMARO.replace("\"label_id\": 0", "\"label_id\": \"car\""),
                        "items[0].annotations[0]", "label_id"),
                json("datumaro", "broken quoting", DATUMARO_FILE, DATUMARO.replace("\"id\": \"a\"", "\"id\": \"a}"),
                        "line 3", "malformed JSON"),
                json("sly_pointcloud", "deep nesting", SLY_FILE, SLY.replace("\"description\": \"\"", "\"description\": " + DEEP),
                        "line 1", "nesting depth (101) exceeds the maximum allowed (100"),
                json("sly_pointcloud", "huge number", SLY_FILE, SLY.replace("\"x\": 1", "\"x\": " + LONG_NUMBER),
                        "line 3", "Number value length (201) exceeds the maximum allowed (100"),
                json("sly_pointcloud", "NaN", SLY_FILE, SLY.replace("\"x\": 1", "\"x\": NaN"),
                        "line 3", "Non-standard token 'NaN'"),
                json("sly_pointcloud", "wrong type", SLY_FILE, SLY.replace("\"x\": 1", "\"x\": \"1\""),
                        "figures[0]", "geometry.position.x must be a number"),
                json("sly_pointcloud", "broken quoting", SLY_FILE, SLY.replace("\"car\"", "\"car"),
                        "line 1", "malformed JSON"),
                json("datumaro_3d", "wrong type", DATUMARO_3D_FILE, DATUMARO_3D,
                        "items[0].related_images", "related images (an array of {path, size})"),
                json("wider_face", "deep nesting", WIDER_META_FILE, "{\"labels\": [\"face\"],\n \"x\": " + DEEP + "}",
                        "line 2", "nesting depth (101) exceeds the maximum allowed (100"),
                json("wider_face", "huge number", WIDER_META_FILE, "{\"labels\": [\"face\"],\n \"x\": " + LONG_NUMBER + "}",
                        "line 2", "Number value length (201) exceeds the maximum allowed (100"),
                json("wider_face", "NaN", WIDER_META_FILE, "{\"labels\": [\"face\"],\n \"x\": NaN}",
                        "line 2", "Non-standard token 'NaN'"),
                json("wider_face", "wrong type", WIDER_META_FILE, "{\"labels\": [\"face\",\n 7]}",
                        "line 2", "expected label names in \"labels\""));
    }

    private static Arguments json(String format, String what, String file, String text, String where, String message) {
        return Arguments.of(format, what, file, text, where, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jsonDocuments")
    void hostileJsonIsAnErrorNamingFileAndPlace(String format, String what, String file, String text, String where,
                                                String message) throws IOException {
        Path dataset = datasetOf(format);
        Files.writeString(dataset.resolve(file), text);

        String error = failure(format, dataset);

        assertTrue(error.contains(file + ", " + where), what + ": expected '" + file + ", " + where + "' in: " + error);
        assertTrue(error.contains(message), what + ": expected '" + message + "' in: " + error);
    }

    // --- CSV ------------------------------------------------------------------------------------

    @Test
    void hostileCsvIsAnErrorNamingFileAndLine() throws IOException {
        Path dataset = datasetOf("vggface2");
        String boxes = "bb_landmark/loose_bb_train.csv";

        Files.writeString(dataset.resolve(boxes), "NAME_ID,X,Y,W,H\nn000001/0001_01,NaN,2,1,2\n");
        assertTrue(failure("vggface2", dataset).endsWith(boxes + ", line 2: expected a finite number in column X, got 'NaN'"),
                failure("vggface2", dataset));

        Files.writeString(dataset.resolve(boxes), "NAME_ID,X,Y,W,H\nn000001/0001_01,2,1e999,1,2\n");
        assertTrue(failure("vggface2", dataset).endsWith(boxes + ", line 2: expected a finite number in column Y,"
                + " got '1e999'"), failure("vggface2", dataset));

        Files.writeString(dataset.resolve(boxes), "NAME_ID,X,Y,W,H\nn000001/0001_01,2,2,1,2\n\"n000002/0001_01,2,4,2,2\n");
        String broken = failure("vggface2", dataset);
        assertTrue(broken.contains(boxes + ", line 3: broken CSV"), broken);

        Files.writeString(dataset.resolve(boxes), "NAME_ID,X,Y,W,H\nn000001/0001_01,2,2,\"1\"x,2\n");
        String quote = failure("vggface2", dataset);
        assertTrue(quote.contains(boxes + ", line 2: broken CSV"), quote);
    }

    // --- XML ------------------------------------------------------------------------------------

    /** Entities that would expand to 10^9 "lol"s, if anything expanded them. */
    private static final String LAUGHS = "<!DOCTYPE %s [\n <!ENTITY lol \"lol\">\n"
            + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
            + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
            + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
            + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
            + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
            + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
            + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
            + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
            + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n";

    private static final String CVAT = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n%s<annotations>\n<version>1.1</version>\n"
            + "<meta><task><labels><label><name>%s</name></label></labels></task></meta>\n"
            + "<image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\"><box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\""
            + " ybr=\"2\" occluded=\"0\"/></image>\n</annotations>\n";

    private static final String VOC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s<annotation>\n<filename>a.jpg</filename>\n"
            + "<size><width>10</width><height>10</height><depth>3</depth></size>\n"
            + "<object><name>%s</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>\n"
            + "</annotation>\n";

    private static final String TRACKLETS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n%s"
            + "<boost_serialization signature=\"serialization::archive\" version=\"9\">\n<tracklets><count>1</count>\n"
            + "<item><objectType>%s</objectType><h>1</h><w>1</w><l>1</l><first_frame>0</first_frame>\n"
            + "<poses><count>1</count><item><tx>1</tx><ty>1</ty><tz>1</tz><rx>0</rx><ry>0</ry><rz>0</rz>"
            + "<state>2</state><occlusion>0</occlusion><occlusion_kf>1</occlusion_kf><truncation>0</truncation></item>"
            + "</poses></item>\n</tracklets>\n</boost_serialization>\n";

    static Stream<Arguments> xmlReaders() {
        return Stream.of(Arguments.of("cvat_images", "annotations.xml", CVAT, "annotations"),
                Arguments.of("voc", "Annotations/2007_000001.xml", VOC, "annotation"),
                Arguments.of("kitti_raw", "tracklet_labels.xml", TRACKLETS, "boost_serialization"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlReaders")
    void entityExpansionBombsAreRefusedUnexpanded(String format, String file, String template, String root)
            throws IOException {
        Path dataset = datasetOf(format);
        Files.writeString(dataset.resolve(file), template.formatted(LAUGHS.formatted(root), "&lol9;"));

        String error = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> failure(format, dataset));

        assertTrue(error.contains(file + ", line "), error);
        assertTrue(error.contains("malformed XML"), error);
        assertFalse(error.contains("lollol"), error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlReaders")
    void externalEntitiesAreNeverRead(String format, String file, String template, String root) throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-4711");
        Path dataset = datasetOf(format);
        String doctype = "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n";
        Files.writeString(dataset.resolve(file), template.formatted(doctype, "&xxe;"));

        String error = failure(format, dataset);

        assertTrue(error.contains(file + ", line "), error);
        assertFalse(error.contains("TOP-SECRET"), error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlReaders")
    void noDtdIsEverFetched(String format, String file, String template, String root) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket s = server.accept()) {
                            connections.incrementAndGet();
                        }
                    }
                } catch (IOException closed) {
                    // the server was closed: the test is over
                }
            });
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort();
            List<String> doctypes = List.of(
                    "<!DOCTYPE " + root + " SYSTEM \"" + url + "/external.dtd\">\n",
                    "<!DOCTYPE " + root + " [<!ENTITY % remote SYSTEM \"" + url + "/parameter.dtd\"> %remote;]>\n");
            List<String> outcomes = new ArrayList<>();
            for (String doctype : doctypes) {
                Path dataset = datasetOf(format);
                Files.writeString(dataset.resolve(file), template.formatted(doctype, "car"));
                try {
                    Converter.convert(new ConversionRequest(dataset, format, pivotFor(format), ConversionOptions.DEFAULTS,
                            tmp.resolve("out-" + outcomes.size() + ".zip")));
                    outcomes.add("converted");
                } catch (FormatException e) {
                    assertTrue(e.getMessage().contains(file + ", line "), e.getMessage());
                    outcomes.add("refused");
                }
            }
            server.close();
            listener.join(5_000);
            assertEquals(0, connections.get(), "a DTD was fetched; outcomes " + outcomes);
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- pixel bombs: a few bytes declaring gigapixels ---------------------------------------------

    @Test
    void aCvatMaskBoxOfGigapixelsIsRefusedBeforeItIsDecoded() throws IOException {
        Path dataset = datasetOf("cvat_images");
        Files.writeString(dataset.resolve("annotations.xml"), CVAT.formatted("", "car").replace(
                "<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\" occluded=\"0\"/>",
                "<mask label=\"car\" left=\"0\" top=\"0\" width=\"40000\" height=\"40000\" rle=\"1600000000\""
                        + " occluded=\"0\"/>").replace("width=\"10\" height=\"10\"", "width=\"40000\" height=\"40000\""));

        String error = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> failure("cvat_images", dataset));

        assertTrue(error.contains("annotations.xml, line "), error);
        assertTrue(error.contains("the mask box of 40000x40000 is larger than the 67108864 pixels a mask may have"), error);
    }

    @Test
    void aDeclaredGigapixelImageIsNotRasterised() throws IOException {
        Path dataset = Files.createDirectories(tmp.resolve("annotations-only/annotations")).getParent();
        Files.writeString(dataset.resolve(COCO_FILE), COCO.replace("\"width\": 10, \"height\": 10",
                "\"width\": 40000, \"height\": 40000").replace("\"segmentation\": []",
                "\"segmentation\": [[1, 1, 39000, 1, 39000, 39000]]"));

        FormatException e = assertThrows(FormatException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Converter.convert(new ConversionRequest(dataset, "coco", "segmentation_mask",
                        ConversionOptions.fromMap(Map.of("keep_images", false)), tmp.resolve("masks.zip")))));

        assertEquals("item 'a': a 40000x40000 mask is larger than the 67108864 pixels a mask may have", e.getMessage());
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A copy of a small corpus sample of the format (the file under test is then replaced). */
    private Path datasetOf(String format) throws IOException {
        Map<String, String> samples = Map.of(
                "coco", "coco_1.0/coco_instances",
                "datumaro", "datumaro_1.0/cvd_with_skeleton",
                "wider_face", "wider_face_1.0/widerface_dataset",
                "vggface2", "vggface2_1.0/vgg_face2_dataset",
                "cvat_images", "cvat_images_1.1/cvat_docs_annotation_example",
                "voc", "pascal_voc_1.1/voc_dataset1",
                "kitti_raw", "kitti_raw_1.0/kitti_raw",
                "sly_pointcloud", "sly_pointcloud_1.0/sly_pointcloud_dataset",
                "datumaro_3d", "datumaro_3d_1.0/cvd_with_pcd");
        Path from = Path.of("src/test/resources/corpus").resolve(samples.get(format));
        Path to = Files.createTempDirectory(tmp, format);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        if (format.equals("coco")) {
            try (Stream<Path> json = Files.list(to.resolve("annotations"))) {
                for (Path f : json.toList()) {
                    Files.delete(f);
                }
            }
        }
        return to;
    }

    private String failure(String format, Path dataset) {
        FormatException e = assertThrows(FormatException.class, () -> Converter.convert(new ConversionRequest(dataset,
                format, pivotFor(format), ConversionOptions.DEFAULTS, Files.createTempDirectory(tmp, "out").resolve("out.zip"))));
        return e.getMessage();
    }

    /** Datumaro, in 3D for a point cloud format (a conversion across is refused before reading). */
    private static String pivotFor(String format) {
        return Formats.byId(format).orElseThrow().descriptor().holds(Feature.POINT_CLOUDS) ? "datumaro_3d" : "datumaro";
    }
}
