package org.labelbridge.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbridge.format.Format;
import org.labelbridge.format.Formats;

/** The README's format table is the registry, row for row. */
class ReadmeFormatsTest {

    @Test
    void readmeTableMatchesTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- formats:start");
        int end = readme.indexOf("<!-- formats:end -->");
        assertTrue(start >= 0 && end > start, "README.md has the formats table markers");
        List<String> rows = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                rows.add(line.trim());
            }
        }
        List<String> expected = Formats.all().stream().map(ReadmeFormatsTest::row).toList();
        assertEquals(expected, rows, "README.md formats table (regenerate it from ./labelbridge formats)");
    }

    private static String row(Format f) {
        var d = f.descriptor();
        return "| `" + d.id() + "` | " + d.displayName() + " | " + (d.canRead() ? "yes" : "no") + " | "
                + (d.canWrite() ? "yes" : "no") + " |";
    }
}
