package org.labelbridge.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Normalises archive entry names and refuses the ones that could escape the work folder. */
final class EntryNames {

    /** What a file system takes for one name (Linux NAME_MAX, in bytes). */
    static final int MAX_SEGMENT_BYTES = 255;
    /** What a file system takes for a whole path (Linux PATH_MAX, in bytes, less room for the work folder). */
    static final int MAX_PATH_BYTES = 3072;

    private EntryNames() {
    }

    /**
     * The entry name as a clean relative path ({@code a/b.jpg}), or an error for absolute
     * paths, drive letters, {@code ..} segments and control characters. A backslash is a
     * separator, as Windows tools mean it.
     */
    static String clean(String name, String archive) throws IOException {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7f) {
                throw new UnsafeArchiveException(archive + ": entry '" + printable(name)
                        + "' has a control character in its name");
            }
        }
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || hasDriveLetter(path)) {
            throw new UnsafeArchiveException(archive + ": entry '" + name + "' has an absolute path");
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new UnsafeArchiveException(archive + ": entry '" + name + "' points outside the archive (..)");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    private static boolean hasDriveLetter(String path) {
        return path.length() >= 2 && path.charAt(1) == ':'
                && (path.charAt(0) >= 'A' && path.charAt(0) <= 'Z' || path.charAt(0) >= 'a' && path.charAt(0) <= 'z');
    }

    /** Refuses a clean path deeper than {@code maxDepth} segments or longer than a file system takes. */
    static void checkShape(String clean, String archive, int maxDepth) throws IOException {
        String[] segments = clean.split("/");
        if (segments.length > maxDepth) {
            throw new UnsafeArchiveException(archive + ": entry '" + abbreviated(clean) + "' is " + segments.length
                    + " levels deep, more than the limit of " + maxDepth + " (" + ArchiveLimits.MAX_PATH_DEPTH + ")");
        }
        if (clean.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new UnsafeArchiveException(archive + ": entry '" + abbreviated(clean) + "' has a path longer than "
                    + MAX_PATH_BYTES + " bytes");
        }
        for (String segment : segments) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new UnsafeArchiveException(archive + ": entry '" + abbreviated(clean) + "' has a name longer than "
                        + MAX_SEGMENT_BYTES + " bytes");
            }
        }
    }

    private static String abbreviated(String path) {
        return path.length() <= 120 ? path : path.substring(0, 60) + "..." + path.substring(path.length() - 57);
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return abbreviated(out.toString());
    }
}
