package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetSource;

/**
 * Finds a path named in data.yaml or a list file inside the dataset. The paths were written
 * for someone's disk, not for an archive: relative to data.yaml's {@code path}, to the list
 * file, or to the root; with a leading {@code ../} that Ultralytics drops when it finds
 * nothing there; with Datumaro's {@code data/} prefix; or absolute. Each reading is tried in
 * that order and the first that exists wins.
 */
final class Locator {

    private final DatasetSource source;

    Locator(DatasetSource source) {
        this.source = source;
    }

    /** The file in the dataset, or {@code null}. {@code bases} are folders to try first, {@code ""} the root. */
    String file(String raw, List<String> bases) {
        for (String candidate : candidates(raw, bases)) {
            if (source.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The folder in the dataset ({@code ""} for the root), or {@code null} when no file is below it. */
    String folder(String raw, List<String> bases) {
        for (String candidate : candidates(raw, bases)) {
            if (candidate.isEmpty() || !source.filesUnder(candidate).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Where a listed file would be when it is not in the dataset: the path relative to the
     * root, without a leading {@code ../} or {@code data/}; of an absolute path, the part from
     * its last {@code images} folder (or its last two segments).
     */
    static String expected(String raw) {
        String p = raw.strip().replace('\\', '/');
        List<String> segments = UltralyticsLayout.segments(p);
        if (p.startsWith("/") || p.matches("^[A-Za-z]:/.*")) {
            int images = segments.lastIndexOf(UltralyticsLayout.IMAGES);
            int from = images >= 0 && images < segments.size() - 1 ? images : Math.max(0, segments.size() - 2);
            return String.join("/", segments.subList(from, segments.size()));
        }
        List<String> out = candidates(raw, List.of());
        return out.get(out.size() - 1);
    }

    static List<String> candidates(String raw, List<String> bases) {
        Set<String> out = new LinkedHashSet<>();
        String p = raw.strip().replace('\\', '/');
        List<String> segments = UltralyticsLayout.segments(p);
        if (p.startsWith("/") || p.matches("^[A-Za-z]:/.*")) {
            // An absolute path from the writer's disk: the longest tail that is in the dataset.
            int shortest = Math.min(2, segments.size());
            for (int from = 0; from <= segments.size() - shortest; from++) {
                out.add(String.join("/", segments.subList(from, segments.size())));
            }
            return new ArrayList<>(out);
        }
        int up = 0;
        while (up < segments.size() && segments.get(up).equals("..")) {
            up++;
        }
        List<String> inside = segments.subList(up, segments.size());
        String relative = String.join("/", inside);
        for (String base : bases) {
            List<String> fromBase = UltralyticsLayout.segments(base + "/" + p);
            if (!base.isEmpty() && (fromBase.isEmpty() || !fromBase.get(0).equals(".."))) {
                out.add(String.join("/", fromBase));
            }
        }
        out.add(relative);
        if (!inside.isEmpty() && inside.get(0).equals("data")) {
            out.add(String.join("/", inside.subList(1, inside.size())));
        }
        return new ArrayList<>(out);
    }
}
