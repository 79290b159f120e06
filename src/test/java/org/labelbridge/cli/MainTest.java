package org.labelbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.format.Formats;
import org.labelbridge.serve.LocalBucketMode;
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
        err.reset();
        assertEquals(2, run("formats", "--json=false"));
        assertTrue(stderr().startsWith("labelbridge: --json takes no value, got '--json=false'\n"
                + "usage: labelbridge formats [--json]\nTry 'labelbridge formats --help' for more.\n"), stderr());
    }

    @Test
    void helpOnEveryCommandPrintsItsUsageAndExitsZero() {
        for (String help : List.of("--help", "-h")) {
            reset();
            assertEquals(0, run(help), stderr());
            assertTrue(stdout().startsWith("usage:\n  labelbridge convert "), stdout());
            assertTrue(stdout().contains("\n  labelbridge serve "), stdout());
            for (String command : List.of("convert", "detect", "formats", "serve")) {
                reset();
                assertEquals(0, run(command, help), command + " " + help + ": " + stderr());
                assertTrue(stdout().startsWith("usage: labelbridge " + command), stdout());
                assertEquals("", stderr());
            }
        }
        // convert's usage lists the conversion options with their defaults
        reset();
        assertEquals(0, run("convert", "--help"));
        assertTrue(stdout().contains("\n  shapes_to_boxes "), stdout());
        // --help wins wherever it stands among the options, even after a mistake
        reset();
        assertEquals(0, run("convert", "--to", "yolo", "--help"));
        assertEquals(0, run("serve", "--frobnicate", "-h"));
        assertEquals("", stderr());
    }

    @Test
    void serveUsageListsExactlyTheFlagsServeReads() throws Exception {
        assertEquals(0, run("serve", "--help"), stderr());
        Set<String> listed = new TreeSet<>();
        Matcher flag = Pattern.compile("--([a-z][a-z-]*)").matcher(stdout());
        while (flag.find()) {
            listed.add(flag.group(1));
        }
        listed.remove("help");

        LocalBucketMode.Settings defaults = serveSettings();
        Set<String> reached = new TreeSet<>();
        for (String name : listed) {
            LocalBucketMode.Settings given = serveSettings("--" + name, "77");
            Set<String> changed = new TreeSet<>();
            for (RecordComponent c : LocalBucketMode.Settings.class.getRecordComponents()) {
                if (!c.getAccessor().invoke(defaults).equals(c.getAccessor().invoke(given))) {
                    changed.add(c.getName());
                }
            }
            assertFalse(changed.isEmpty(), "--" + name + " is in serve's usage but changes no setting");
            reached.addAll(changed);
        }
        // every setting but the progress interval (not a flag) is reached by a flag the usage lists
        Set<String> settings = new TreeSet<>();
        for (RecordComponent c : LocalBucketMode.Settings.class.getRecordComponents()) {
            settings.add(c.getName());
        }
        settings.remove("progressMillis");
        assertEquals(settings, reached);
        // and the synopsis names each of them
        String synopsis = stdout().lines().findFirst().orElseThrow();
        for (String name : listed) {
            assertTrue(synopsis.contains("[--" + name + " "), synopsis);
        }
        UsageException unlisted = assertThrows(UsageException.class, () -> serveSettings("--idle-ms", "77"));
        assertEquals("unknown option --idle-ms", unlisted.getMessage());
    }

    private static LocalBucketMode.Settings serveSettings(String... args) throws UsageException {
        return ServeCommand.settings(Arguments.parse(args, 0, ServeCommand.COMMAND.flags()));
    }

    @Test
    void readmeShowsTheCommandsAsTheirUsageDoes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("## Command line"));
        block = block.substring(block.indexOf("```\n") + 4, block.indexOf("\n```", block.indexOf("```\n") + 4));
        assertEquals(0, run("--help"));
        String synopses = stdout().lines().filter(l -> l.startsWith("  labelbridge "))
                .map(l -> "./" + l.strip()).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertEquals(synopses, block);
    }

    @Test
    void outThatIsNeitherAZipNorAFolderIsAUsageError() throws IOException {
        String in = Corpus.path("coco_1.0/coco_instances").toString();
        for (String name : List.of("out.tar.gz", "out.json")) {
            reset();
            Path target = tmp.resolve(name);
            assertEquals(2, run("convert", "--to", "yolo", in, target.toString()), name);
            assertEquals("labelbridge: OUT '" + target + "' is neither a .zip nor a folder; OUT must be a name ending in"
                    + " .zip (a zip), an existing folder, or a name without an extension (a new folder)",
                    stderr().lines().findFirst().orElseThrow());
            assertFalse(Files.exists(target), name);
        }
        reset();
        Path file = Files.writeString(tmp.resolve("notes"), "mine");
        assertEquals(2, run("convert", "--to", "yolo", in, file.toString()));
        assertTrue(stderr().startsWith("labelbridge: OUT '" + file + "' is an existing file, neither a .zip nor a folder;"),
                stderr());
        assertEquals("mine", Files.readString(file));

        // An existing folder, whatever its name, and a new name without an extension are folders.
        for (Path folder : List.of(Files.createDirectories(tmp.resolve("export.v2")), tmp.resolve("yolo-out"))) {
            reset();
            assertEquals(0, run("convert", "--to", "yolo", in, folder.toString()), stderr());
            // item a: bbox label b (index 1) [2,2,3,1] in a 10x5 image
            assertEquals("1 0.35 0.5 0.3 0.2\n", Files.readString(folder.resolve("obj_train_data/a.txt")));
        }
    }

    private void reset() {
        out.reset();
        err.reset();
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
