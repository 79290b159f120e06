package org.labelbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.insight.ReportPage;
import org.labelbridge.testing.FlawedCoco;
import org.labelbridge.testing.Zips;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code stats}, {@code validate}, and convert's {@code --preview} and {@code --html}, on known flaws. */
class InspectCommandsTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path flawedZip() throws IOException {
        return Zips.zipFolder(FlawedCoco.write(tmp.resolve("coco")), tmp.resolve("coco.zip"), "export/");
    }

    @Test
    void validateListsTheFindingsAsJsonAndExitsOneOnAnError() throws IOException {
        Path zip = flawedZip();

        assertEquals(1, run("validate", "--json", "--option", "checks={\"rare_label\": 3}", zip.toString()));

        JsonNode findings = new ObjectMapper().readTree(stdout());
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode f : findings) {
            counts.put(f.get("id").asText(), f.get("count").asLong());
            assertTrue(f.get("examples").isArray() && f.get("examples").size() > 0, f.toString());
        }
        assertEquals(new TreeMap<>(FlawedCoco.FINDINGS), counts);
        assertEquals("error", findings.get(0).get("severity").asText(), "errors first");
    }

    @Test
    void thresholdsDecideWhatIsFoundAndFailOnDecidesTheExit() throws IOException {
        Path zip = flawedZip();

        // A tolerance of 10 pixels takes both partly-outside boxes in; the wholly outside one stays.
        assertEquals(1, run("validate", "--option", "checks={\"outside_tolerance\": 10}", zip.toString()));
        assertTrue(stdout().contains("box_outside_image"), stdout());
        assertTrue(!stdout().contains("box_partly_outside_image"), stdout());

        // Only warnings left when the errors' items are gone: a label_map dropping car removes both errors.
        assertEquals(0, run("validate", "--option", "label_map={\"car\": null}", zip.toString()), stdout());
        assertTrue(stdout().contains("0 errors"), stdout());
        assertEquals(1, run("validate", "--fail-on", "warning", "--option", "label_map={\"car\": null}", zip.toString()));
        assertEquals(2, run("validate", "--fail-on", "info", zip.toString()));
    }

    @Test
    void statsPrintsTheCountsAndTheirJson() throws IOException {
        Path zip = flawedZip();

        assertEquals(0, run("stats", zip.toString()));
        assertTrue(stdout().contains("6 items, 1 without annotations"), stdout());
        assertTrue(stdout().contains("car") && stdout().contains("7 bbox in 5 items"), stdout());

        assertEquals(0, run("stats", "--json", zip.toString()));
        JsonNode statistics = new ObjectMapper().readTree(stdout());
        assertEquals(7, statistics.at("/labels/car/annotations/bbox").asLong());
        assertEquals(6, statistics.at("/images/sizes/64x48").asLong());
    }

    @Test
    void convertWritesThePreviewAndAPageThatParsesWithEverySection() throws Exception {
        Path zip = flawedZip();
        Path preview = tmp.resolve("preview.png");
        Path page = tmp.resolve("report.html");

        assertEquals(0, run("convert", "--to", "yolo", "--preview", preview.toString(), "--html", page.toString(),
                zip.toString(), tmp.resolve("yolo.zip").toString()), err.toString(StandardCharsets.UTF_8));

        var image = ImageIO.read(preview.toFile());
        assertEquals(2 * 8 + 4 * 256 + 3 * 8, image.getWidth(), "16 asked, 6 items: one row of four, one of two");
        Document html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
        List<String> sections = new ArrayList<>();
        NodeList found = html.getElementsByTagName("section");
        for (int i = 0; i < found.getLength(); i++) {
            sections.add(((Element) found.item(i)).getAttribute("id"));
        }
        assertEquals(ReportPage.SECTIONS, sections);
        String text = html.getDocumentElement().getTextContent();
        for (String id : FlawedCoco.FINDINGS.keySet()) {
            if (!id.equals("label_rare")) { // rare below 10 here: car and person too
                assertTrue(text.contains(id), id);
            }
        }
        assertTrue(text.contains("img2: box 'car' (100.0, 100.0)-(110.0, 110.0) lies outside the 64x48 image"), text);
        assertTrue(text.contains("group not kept") || text.contains("not kept"), "the changes are listed");
        assertTrue(html.getElementsByTagName("svg").getLength() >= 5, "bar charts, inline");
        Element img = (Element) html.getElementsByTagName("img").item(0);
        assertTrue(img.getAttribute("src").startsWith("data:image/png;base64,"));
        assertTrue(!Files.readString(page).contains("http://") || onlyNamespaces(Files.readString(page)),
                "nothing is fetched: the only URLs are XML namespaces");
    }

    private static boolean onlyNamespaces(String page) {
        return page.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", "")
                .matches("(?s)(?!.*https?://).*");
    }
}
