package org.labelbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Formats;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Zips;

class MainTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void convertsAZipDetectingItsFormatAndWritesTheReport() throws IOException {
        Path in = Zips.zipFolder(Corpus.path("coco_1.0/coco_instances"), tmp.resolve("coco.zip"), "my_export/");
        Path outZip = tmp.resolve("yolo.zip");
        Path report = tmp.resolve("report.json");

        assertEquals(0, run("convert", "--to", "yolo", "--report", report.toString(), in.toString(), outZip.toString()),
                stderr());

        assertTrue(stdout().contains("detected coco (confidence"), stdout());
        // item a: bbox label b (index 1) [2,2,3,1] in a 10x5 image
        assertEquals("1 0.35 0.5 0.3 0.2\n", Zips.text(outZip, "obj_train_data/a.txt"));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("coco", json.get("from").asText());
        assertEquals("my_export/", json.at("/detection/root").asText());
        assertEquals(2, json.at("/items/in").asInt());
        assertEquals(3, json.at("/annotations/total_in").asInt());
        assertEquals(1, json.at("/annotations/out/bbox").asInt());
        assertTrue(json.get("changes").toString().contains("YOLO 1.1 cannot hold polygon"), json.toString());
    }

    @Test
    void badInputFailsWithOneLineAndLeavesNoOutput() throws IOException {
        Path corrupt = Files.writeString(tmp.resolve("broken.zip"), "not a zip at all");
        Path outZip = tmp.resolve("out.zip");
        assertEquals(1, run("convert", "--to", "yolo", corrupt.toString(), outZip.toString()));
        assertEquals("labelbridge: broken.zip: corrupt archive (its first bytes are not a zip header)\n", stderr());
        assertFalse(Files.exists(outZip));

        err.reset();
        assertEquals(1, run("convert", "--to", "nope", Corpus.path("coco_1.0/coco_instances").toString(),
                outZip.toString()));
        assertTrue(stderr().startsWith("labelbridge: unknown format 'nope'; known: "), stderr());

        err.reset();
        Path empty = Files.createDirectories(tmp.resolve("empty/inner"));
        Files.writeString(empty.resolve("readme.txt"), "no dataset here");
        assertEquals(1, run("convert", "--to", "coco", tmp.resolve("empty").toString(), outZip.toString()));
        assertTrue(stderr().startsWith("labelbridge: empty: no known dataset format found (looked in inner/); tried: "),
                stderr());
        assertFalse(Files.exists(outZip));

        err.reset();
        assertEquals(1, run("convert", "--to", "yolo", "--option", "boxes=yes",
                Corpus.path("coco_1.0/coco_instances").toString(), outZip.toString()));
        assertTrue(stderr().contains("unknown option 'boxes'"), stderr());
    }

    @Test
    void optionsTakeJsonTextForStructuredValues() throws IOException {
        Path outZip = tmp.resolve("mapped.zip");

        assertEquals(0, run("convert", "--to", "yolo", "--option", "label_map={\"a\": \"animal\", \"c\": null}",
                "--option", "labels=[\"b\", \"animal\"]", "--option", "subset_map={\"val\": \"valid\"}",
                "--option", "shapes_to_boxes=true", Corpus.path("coco_1.0/coco_instances").toString(), outZip.toString()),
                stderr());

        assertEquals("b\nanimal\n", Zips.text(outZip, "obj.names"));
        assertEquals("0 0.35 0.5 0.3 0.2\n", Zips.text(outZip, "obj_train_data/a.txt"));
        assertTrue(Zips.names(outZip).contains("obj_valid_data/b.txt"), Zips.names(outZip).toString());

        err.reset();
        assertEquals(1, run("convert", "--to", "yolo", "--option", "labels=person,car",
                Corpus.path("coco_1.0/coco_instances").toString(), tmp.resolve("bad.zip").toString()));
        assertTrue(stderr().startsWith("labelbridge: option 'labels' must be a list of label names or an object of names"
                + " to ids (as JSON text on the command line), got 'person,car'"), stderr());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("convert", "--to", "yolo", "only-one-path"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("convert", "--bogus", "x", "a", "b"));
        assertEquals(2, run("convert", "--to", "yolo", "--option", "keep_images=true", "--option", "keep_images=false",
                "a", "b"));
        assertEquals(2, run("serve", "--port", "http"));
        assertTrue(stderr().contains("--port must be a number from 0 to 65535, got 'http'"), stderr());
        assertEquals(2, run("serve", "--frobnicate", "1"));
    }

    @Test
    void detectNamesTheFormatAndItsEvidence() {
        assertEquals(0, run("detect", Corpus.path("cvat_video_1.1/ovd_for_video").toString()), stderr());
        assertTrue(stdout().startsWith("cvat_video (CVAT for video 1.1), confidence "), stdout());
    }

    @Test
    void formatsListsTheRegistry() throws IOException {
        assertEquals(0, run("formats", "--json"));
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertEquals(Formats.all().size(), json.size());
        assertEquals("COCO 1.0", json.findValues("name").stream().map(JsonNode::asText)
                .filter(n -> n.equals("COCO 1.0")).findFirst().orElse(""));
    }
}
