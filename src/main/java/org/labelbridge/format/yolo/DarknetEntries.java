package org.labelbridge.format.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;

/**
 * The items of the darknet layout: each subset's list file (named in obj.data) gives image
 * paths, one a line; the label file sits next to its image. Lines are read as items are asked
 * for, so only the ids seen so far are held (to catch an image listed twice).
 */
final class DarknetEntries implements YoloEntries {

    private final DatasetSource source;
    private final Problems problems;
    private final Deque<ObjData.Entry> pending;
    private String subset;
    private String listPath;
    private BufferedReader list;
    private int lineNumber;
    private Set<String> seen;

    DarknetEntries(DatasetSource source, ObjData objData, Problems problems) throws FormatException {
        this.source = source;
        this.problems = problems;
        List<ObjData.Entry> subsets = objData.subsets();
        for (ObjData.Entry entry : subsets) {
            resolveList(entry); // a missing list file fails now, not halfway through
        }
        this.pending = new ArrayDeque<>(subsets);
    }

    @Override
    public YoloEntry next() throws IOException {
        while (true) {
            if (list == null && !openNextList()) {
                return null;
            }
            String line = list.readLine();
            if (line == null) {
                list.close();
                list = null;
                continue;
            }
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            YoloEntry entry = entry(line);
            if (seen.add(entry.id())) {
                return entry;
            }
            problems.item(entry.id(), source.describe(listPath) + ", line " + lineNumber
                    + ": the item is listed again; only its first line is read");
        }
    }

    @Override
    public void close() throws IOException {
        if (list != null) {
            list.close();
            list = null;
        }
    }

    private boolean openNextList() throws IOException {
        ObjData.Entry next = pending.poll();
        if (next == null) {
            return false;
        }
        subset = next.key();
        listPath = resolveList(next);
        list = TextFiles.open(source, listPath);
        lineNumber = 0;
        seen = new HashSet<>();
        return true;
    }

    private String resolveList(ObjData.Entry entry) throws FormatException {
        String path = YoloLayout.locate(source, entry.value());
        if (path == null) {
            throw FormatException.at(source.describe(YoloLayout.OBJ_DATA), "line " + entry.line(),
                    "the list file of subset '" + entry.key() + "' ('" + entry.value() + "') is not in the dataset");
        }
        return path;
    }

    private YoloEntry entry(String line) throws FormatException {
        String normalised = YoloLayout.normalise(line);
        if (normalised == null || normalised.isEmpty()) {
            throw FormatException.at(source.describe(listPath), "line " + lineNumber,
                    "expected an image path relative to the dataset (like data/obj_train_data/1.jpg), got '"
                            + line.strip() + "'");
        }
        String local = YoloLayout.stripDataPrefix(normalised);
        // A dataset that really keeps its files under data/ is read as it is.
        if (!local.equals(normalised) && !hasImageOrLabels(local) && hasImageOrLabels(normalised)) {
            local = normalised;
        }
        String labels = ImageFiles.stripExtension(local) + YoloLayout.LABELS_EXTENSION;
        return new YoloEntry(subset, YoloLayout.idFromImagePath(local),
                source.exists(local) ? local : null, source.exists(labels) ? labels : null);
    }

    private boolean hasImageOrLabels(String path) {
        return source.exists(path) || source.exists(ImageFiles.stripExtension(path) + YoloLayout.LABELS_EXTENSION);
    }
}
