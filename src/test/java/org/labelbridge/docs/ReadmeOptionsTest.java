package org.labelbridge.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.Option;
import org.junit.jupiter.api.Test;

/** The README's options table names every option, in order, with its default. */
class ReadmeOptionsTest {

    @Test
    void readmeTableListsEveryOptionWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- options:start");
        int end = readme.indexOf("<!-- options:end -->");
        assertTrue(start >= 0 && end > start, "README.md has the options table markers");
        List<String> rows = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split(" \\| ");
                rows.add(cells[0].substring(2) + " " + cells[1]);
            }
        }
        List<String> expected = ConversionOptions.ALL.stream().map(ReadmeOptionsTest::row).toList();
        assertEquals(expected, rows, "README.md options table: name and default of each option");
    }

    private static String row(Option<?> option) {
        Object value = option.defaultValue();
        boolean none = value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
        return "`" + option.name() + "` " + (none ? "none" : "`" + value + "`");
    }
}
