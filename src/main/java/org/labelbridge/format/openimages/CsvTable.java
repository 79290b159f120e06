package org.labelbridge.format.openimages;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.TextFiles;

/**
 * One Open Images CSV file read row by row through commons-csv, with errors that name the file
 * and line. Columns are found by the header's names; a headerless file is given its names.
 * Values of columns the reader does not use are noted once per column, for the report.
 */
final class CsvTable implements Closeable {

    private final DatasetSource source;
    private final String path;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Map<String, Integer> columns;
    private final Map<String, String> unreadExamples = new LinkedHashMap<>();
    private final List<String> unread;
    private final boolean fullRows;
    private final int width;

    /** One row: values by column name, checked as they are asked for. */
    final class Row {
        private final CSVRecord record;
        private final long line;

        private Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        long line() {
            return line;
        }

        /** The value of a column the row must have. */
        String get(String column) throws FormatException {
            int index = columns.get(column);
            if (index >= record.size()) {
                throw error("expected " + width + " fields, got " + record.size() + " (no " + column + ")");
            }
            return record.get(index);
        }

        /** The value of a column, or {@code ""} when the row ends before it. */
        String optional(String column) {
            Integer index = columns.get(column);
            return index != null && index < record.size() ? record.get(index) : "";
        }

        double number(String column) throws FormatException {
            String text = get(column).strip();
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("expected a number in " + column + ", got '" + text + "'");
        }

        /** A flag column: -1 (absent, also for an empty value), 0 or 1. */
        int flag(String column) throws FormatException {
            String text = optional(column).strip();
            if (text.isEmpty()) {
                return -1;
            }
            try {
                int value = Integer.parseInt(text);
                if (value >= -1) {
                    return Integer.signum(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("expected -1, 0 or 1 in " + column + ", got '" + text + "'");
        }

        FormatException error(String message) {
            return FormatException.at(source.describe(path), "line " + line, message);
        }
    }

    private CsvTable(DatasetSource source, String path, CSVParser parser, Map<String, Integer> columns,
                     List<String> unread, boolean fullRows, int width) {
        this.source = source;
        this.path = path;
        this.parser = parser;
        this.rows = parser.iterator();
        this.columns = columns;
        this.unread = unread;
        this.fullRows = fullRows;
        this.width = width;
    }

    /**
     * Opens a file whose first line is its header, which must name {@code required}; values of
     * {@code unread} columns are noted for {@link #unreadColumns}. Each row must have as many
     * fields as the header.
     */
    static CsvTable withHeader(DatasetSource source, String path, List<String> required, List<String> unread)
            throws IOException {
        return withHeader(source, path, required, unread, true);
    }

    /**
     * As {@link #withHeader(DatasetSource, String, List, List)}; with {@code fullRows} false a
     * row may end early, as long as it has the columns asked of it (image description files
     * in the wild have such rows; Datumaro reads them).
     */
    static CsvTable withHeader(DatasetSource source, String path, List<String> required, List<String> unread,
                               boolean fullRows) throws IOException {
        CSVParser parser = parser(source, path, OpenImagesLayout.CSV.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get());
        Map<String, Integer> columns = parser.getHeaderMap();
        for (String column : required) {
            if (!columns.containsKey(column)) {
                parser.close();
                throw FormatException.at(source.describe(path), "line 1", "expected a header with "
                        + String.join(",", required) + "; " + column + " is missing (got "
                        + String.join(",", parser.getHeaderNames()) + ")");
            }
        }
        return new CsvTable(source, path, parser, columns, unread.stream().filter(columns::containsKey).toList(),
                fullRows, parser.getHeaderNames().size());
    }

    /** Opens a file without a header; its columns are {@code names}, in order. */
    static CsvTable headerless(DatasetSource source, String path, List<String> names) throws IOException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        return new CsvTable(source, path, parser(source, path, OpenImagesLayout.CSV), columns, List.of(), true, names.size());
    }

    private static CSVParser parser(DatasetSource source, String path, org.apache.commons.csv.CSVFormat format)
            throws IOException {
        BufferedReader reader = TextFiles.open(source, path);
        try {
            return format.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw FormatException.at(source.describe(path), "line 1", "not a CSV header: " + e.getMessage());
        }
    }

    /** The next row, or null at the end; a row with more fields than the header is an error. */
    Row next() throws FormatException {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            record = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw FormatException.at(source.describe(path), "line " + line, "broken CSV: " + e.getMessage());
        }
        Row row = new Row(record, line);
        if (record.size() > width || (fullRows && record.size() < width)) {
            throw row.error("expected " + width + " fields, got " + record.size());
        }
        for (String column : unread) {
            if (!unreadExamples.containsKey(column) && !row.optional(column).isBlank()) {
                unreadExamples.put(column, row.optional(column));
            }
        }
        return row;
    }

    /** The unused columns that had values, each with its first value. */
    Map<String, String> unreadColumns() {
        return unreadExamples;
    }

    String path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
