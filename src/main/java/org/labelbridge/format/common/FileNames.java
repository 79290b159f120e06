package org.labelbridge.format.common;

import org.labelbridge.format.Problems;
import org.labelbridge.model.Item;

/**
 * The one mapping from names in the data (item ids, label names) to names in an output's paths.
 * An item id is a relative path ({@link #path}); a label name that becomes a folder or part of a
 * file name is one path segment ({@link #segment}). Both are deterministic, and leave a name
 * that is already safe as it is. {@link LabelFileNames} makes label segments unique within a
 * dataset and reports each renamed label.
 */
public final class FileNames {

    /** Characters no file name segment keeps: separators, and what Windows tools refuse. */
    private static final String REPLACED = "/\\:*?\"<>|";

    private FileNames() {
    }

    /** The id as a relative file path: no empty, '.' or '..' segments, no backslashes or control characters. */
    public static String path(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (String segment : id.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            StringBuilder clean = new StringBuilder(segment.length());
            segment.chars().forEach(c -> clean.append(isControl(c) || c == '\\' ? '_' : (char) c));
            String s = clean.toString();
            if (s.equals(".") || s.equals("..")) {
                s = "_" + s;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(s);
        }
        return out.length() == 0 ? "_" : out.toString();
    }

    /**
     * The item with its id as a clean relative path ({@link #path}), for a writer whose files are
     * named by item ids; a changed id is reported once, old to new.
     */
    public static Item withPathId(Item item, Problems problems, String format) {
        String path = path(item.id());
        if (path.equals(item.id())) {
            return item;
        }
        problems.item(item.id(), "written as '" + path + "': the id names files in " + format
                + ", and must be a relative path");
        return new Item(path, item.subset(), item.media(), item.annotations(), item.attributes());
    }

    /**
     * The name as one file name segment: separators, control characters and {@code :*?"<>|}
     * become {@code _}; an empty name, {@code .} and {@code ..} get a leading {@code _}. Not
     * injective by itself ({@code /m/0} and {@code _m_0} meet): see {@link LabelFileNames}.
     */
    public static String segment(String name) {
        StringBuilder clean = new StringBuilder(name.length());
        name.chars().forEach(c -> clean.append(isControl(c) || REPLACED.indexOf(c) >= 0 ? '_' : (char) c));
        String s = clean.toString();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
    }

    /** Whether the name is a segment as it is. */
    public static boolean isSegment(String name) {
        return segment(name).equals(name);
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F;
    }
}
