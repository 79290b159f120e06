package org.labelbridge.archive;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How much an input archive may hold before it is refused. Checked before its data is read
 * or inflated (from the zip's directory, from each tar header) and again while bytes come
 * out, because declared sizes can lie. The defaults suit a Lambda with up to 10 GB of /tmp.
 *
 * @param maxEntries           files and folders in the archive
 * @param maxUncompressedBytes all entries together, uncompressed
 * @param maxCompressionRatio  uncompressed to compressed size, per zip entry and for a whole
 *                             tar.gz; entries below {@link #RATIO_FLOOR} are not held to it
 * @param maxPathDepth         folders in an entry's path, plus one for the file
 */
public record ArchiveLimits(long maxEntries, long maxUncompressedBytes, long maxCompressionRatio, int maxPathDepth) {

    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(200_000, 10L << 30, 200, 32);

    /** A small file may compress a thousandfold (a run of spaces) and still be harmless. */
    public static final long RATIO_FLOOR = 1L << 20;

    /** The environment variables (and, in the function, config properties) that override the defaults. */
    public static final String MAX_ENTRIES = "LABELBRIDGE_MAX_ENTRIES";
    public static final String MAX_UNCOMPRESSED_MB = "LABELBRIDGE_MAX_UNCOMPRESSED_MB";
    public static final String MAX_COMPRESSION_RATIO = "LABELBRIDGE_MAX_COMPRESSION_RATIO";
    public static final String MAX_PATH_DEPTH = "LABELBRIDGE_MAX_PATH_DEPTH";
    public static final List<String> SETTINGS = List.of(MAX_ENTRIES, MAX_UNCOMPRESSED_MB, MAX_COMPRESSION_RATIO,
            MAX_PATH_DEPTH);

    public ArchiveLimits {
        if (maxEntries < 1 || maxUncompressedBytes < 1 || maxCompressionRatio < 1 || maxPathDepth < 1) {
            throw new IllegalArgumentException("archive limits must be positive: " + maxEntries + " entries, "
                    + maxUncompressedBytes + " bytes, ratio " + maxCompressionRatio + ", depth " + maxPathDepth);
        }
    }

    /** The defaults, overridden by those of {@link #SETTINGS} the environment sets. */
    public static ArchiveLimits fromEnvironment(Map<String, String> env) {
        return from(env::get);
    }

    /** The defaults, overridden by the settings {@code setting} knows (by their {@link #SETTINGS} name). */
    public static ArchiveLimits from(Function<String, String> setting) {
        return new ArchiveLimits(
                number(setting, MAX_ENTRIES, DEFAULTS.maxEntries),
                number(setting, MAX_UNCOMPRESSED_MB, DEFAULTS.maxUncompressedBytes >> 20) << 20,
                number(setting, MAX_COMPRESSION_RATIO, DEFAULTS.maxCompressionRatio),
                (int) number(setting, MAX_PATH_DEPTH, DEFAULTS.maxPathDepth));
    }

    private static long number(Function<String, String> setting, String name, long fallback) {
        String text = setting.apply(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 1 || value > Integer.MAX_VALUE && name.equals(MAX_PATH_DEPTH)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + text + "'");
        }
    }
}
