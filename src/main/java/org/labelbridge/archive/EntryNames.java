package org.labelbridge.archive;

import java.io.IOException;

/** Normalises archive entry names and refuses the ones that could escape the work folder. */
final class EntryNames {

    private EntryNames() {
    }

    /**
     * The entry name as a clean relative path ({@code a/b.jpg}), or an error for absolute
     * paths, drive letters and {@code ..} segments.
     */
    static String clean(String name, String archive) throws IOException {
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
}
