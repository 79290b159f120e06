package org.labelbridge.format.market1501;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Yields an item per image: from the {@code images_<subset>.txt} lists when there are any,
 * else from the {@code bounding_box_<subset>/} and {@code query/} folders.
 */
final class Market1501Reader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final List<String> lists;
    private final Iterator<String> files;
    private int listIndex = -1;
    private BufferedReader lines;
    private int lineNumber;

    Market1501Reader(DatasetSource source, Problems problems) throws FormatException {
        this.source = source;
        this.problems = problems;
        this.lists = source.filesIn("").stream().filter(Market1501Files::isList).toList();
        this.files = lists.isEmpty() ? source.files().iterator() : null;
        if (lists.isEmpty() && source.foldersIn("").stream().noneMatch(f -> Market1501Files.subsetOfFolder(f) != null)) {
            throw FormatException.at(source.describe(""), null,
                    "expected images_<subset>.txt lists, bounding_box_<subset>/ or query/ folders");
        }
    }

    @Override
    public Categories categories() {
        return Categories.EMPTY;
    }

    @Override
    public Item next() throws IOException {
        return files == null ? nextListed() : nextInFolders();
    }

    private Item nextListed() throws IOException {
        while (true) {
            if (lines == null) {
                if (++listIndex >= lists.size()) {
                    return null;
                }
                lines = TextFiles.open(source, lists.get(listIndex));
                lineNumber = 0;
            }
            String line = lines.readLine();
            if (line == null) {
                lines.close();
                lines = null;
                continue;
            }
            lineNumber++;
            String path = line.strip().replace('\\', '/');
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.indexOf('/');
            if (slash <= 0 || slash == path.length() - 1) {
                throw FormatException.at(source.describe(lists.get(listIndex)), "line " + lineNumber,
                        "expected an image path <folder>/<name> (query/... or bounding_box_<subset>/...), got '" + path + "'");
            }
            return item(path, Market1501Files.subsetOfList(lists.get(listIndex)));
        }
    }

    private Item nextInFolders() {
        while (files.hasNext()) {
            String path = files.next();
            int slash = path.indexOf('/');
            String subset = slash < 0 ? null : Market1501Files.subsetOfFolder(path.substring(0, slash));
            if (subset == null || !ImageFiles.isImage(path)) {
                problems.dataset("skipped " + path + ": not an image in query/ or bounding_box_<subset>/");
                continue;
            }
            return item(path, subset);
        }
        return null;
    }

    /** The item of an image path {@code <folder>/<name>}; the id is the path below the folder. */
    private static Item item(String path, String subset) {
        int slash = path.indexOf('/');
        boolean query = path.substring(0, slash).equals(Market1501Files.QUERY_DIR);
        String below = path.substring(slash + 1);
        String idPath = below.substring(0, below.length() - ImageFiles.extension(below).length());
        String dir = idPath.substring(0, idPath.lastIndexOf('/') + 1);
        Market1501Name name = Market1501Name.parse(idPath.substring(dir.length()));
        String id = idPath;
        Map<String, Object> attributes = Map.of(Market1501Files.QUERY, query);
        if (name != null) {
            attributes = name.attributes(query);
            if (!name.custom().isEmpty()) {
                id = dir + name.custom();
            }
        }
        return new Item(id, subset, new Media(path, null, null), List.of(), attributes);
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}
