package org.labelbridge.function;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Function names, {@code <from>-to-<to>}, and the S3 key prefixes they trigger on
 * ({@code <from>-to-<to>/}, Terraform's {@code filter_prefix}).
 */
final class FunctionNames {

    /** A format id or {@code auto}: lower case, digits, underscores. */
    private static final String ID = "[a-z0-9_]+";
    private static final Pattern TRIGGER_PREFIX = Pattern.compile("^(" + ID + "-to-" + ID + ")/");

    private FunctionNames() {
    }

    static String of(String from, String to) {
        return from + "-to-" + to;
    }

    /**
     * The function folder a key sits in ({@code "coco-to-yolo/"} for
     * {@code "coco-to-yolo/a/b.zip"}): a key under such a folder triggers that function.
     */
    static Optional<String> triggerPrefixOf(String key) {
        var m = TRIGGER_PREFIX.matcher(key);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
