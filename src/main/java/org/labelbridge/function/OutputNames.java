package org.labelbridge.function;

import java.util.List;

/**
 * Names outputs after their input: the key below its function folder (or, outside one, the
 * key's file name) without its archive extension, then {@code .zip} and {@code .report.json}.
 * {@code coco-to-yolo/team a/set.tar.gz} gives {@code team a/set.zip}.
 */
final class OutputNames {

    /** Longest first, so that {@code .tar.gz} wins over {@code .gz}. */
    private static final List<String> EXTENSIONS = List.of(".tar.gz", ".tgz", ".tar", ".zip", ".json", ".xml");

    private OutputNames() {
    }

    /** The output's name relative to its destination folder, without extension. */
    static String baseName(S3Uri input) {
        String key = input.key();
        return withoutExtension(FunctionNames.triggerPrefixOf(key).map(p -> key.substring(p.length()))
                .orElse(input.fileName()));
    }

    /**
     * The name below a prefix the input was listed under ({@code batches/7/} for
     * {@code batches/7/team a/set.zip} gives {@code team a/set}), so that sub-folders are kept.
     */
    static String baseName(S3Uri input, String sourcePrefix) {
        if (!input.key().startsWith(sourcePrefix)) {
            throw new IllegalArgumentException("'source_prefix' '" + sourcePrefix + "' is not a prefix of the source key '"
                    + input.key() + "'");
        }
        String relative = input.key().substring(sourcePrefix.length());
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        if (relative.isEmpty()) {
            throw new IllegalArgumentException("'source_prefix' '" + sourcePrefix + "' leaves no name of the source key '"
                    + input.key() + "'");
        }
        return withoutExtension(relative);
    }

    private static String withoutExtension(String relative) {
        String ext = archiveExtension(relative);
        return relative.length() > ext.length() ? relative.substring(0, relative.length() - ext.length()) : relative;
    }

    /** The name's archive or annotation file extension ({@code .tar.gz}), or {@code ""}. */
    static String archiveExtension(String name) {
        String lower = name.toLowerCase();
        return EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse("");
    }
}
