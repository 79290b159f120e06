package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * XML and JSON are parsed in one place each ({@link SafeXml}, {@link SafeJson}), so that a
 * format added later refuses hostile documents the same way without anyone remembering to.
 * This test reads the sources and fails on a parser made anywhere else in the formats.
 */
class ParserEntryPointsTest {

    private static final Path FORMATS = Path.of("src/main/java/org/labelbridge/format");

    /** Parser factories that must only appear in SafeXml. */
    private static final Pattern XML_FACTORIES = Pattern.compile(
            "XMLInputFactory|DocumentBuilderFactory|SAXParserFactory|TransformerFactory|XMLReaderFactory|SchemaFactory");
    /** JSON parsers that must only be made in SafeJson. */
    private static final Pattern JSON_FACTORIES = Pattern.compile(
            "new JsonFactory\\(|JsonFactory\\.builder\\(|new ObjectMapper\\(|new JsonMapper\\(|JsonMapper\\.builder\\(");

    @Test
    void onlySafeXmlMakesXmlParsers() throws IOException {
        assertEquals(List.of(), usesOutside(XML_FACTORIES, "SafeXml.java"));
    }

    @Test
    void onlySafeJsonMakesJsonParsers() throws IOException {
        assertEquals(List.of(), usesOutside(JSON_FACTORIES, "SafeJson.java"));
    }

    @Test
    void safeJsonRefusesWhatJacksonWouldAccept() throws IOException {
        // Jackson's own defaults allow nesting 1000 deep and numbers of 1000 digits.
        assertParseError("[".repeat(SafeJson.MAX_NESTING_DEPTH + 1), "nesting depth");
        assertParseError("[" + "9".repeat(SafeJson.MAX_NUMBER_LENGTH + 1) + "]", "Number value length");
        assertParseError("[NaN]", "Non-standard token 'NaN'");
        try (JsonParser p = SafeJson.FACTORY.createParser("[1e999]")) {
            p.nextToken();
            p.nextToken();
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> SafeJson.finiteDouble(p));
            assertTrue(e.getOriginalMessage().startsWith("number 1e999 is out of range"), e.getMessage());
        }
    }

    private static void assertParseError(String json, String expected) throws IOException {
        try (JsonParser p = SafeJson.FACTORY.createParser(json)) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        p.getNumberValue();
                    }
                }
            });
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    private static List<String> usesOutside(Pattern pattern, String allowedFile) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FORMATS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.getFileName().toString().equals(allowedFile)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(FORMATS.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
