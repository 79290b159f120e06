package org.labelbridge.convert;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One conversion to run, however it was asked for.
 *
 * @param input  archive (zip, tar, tar.gz), folder, or bare annotation file
 * @param from   source format id, or {@link #AUTO} to detect it
 * @param to     target format id
 * @param output a {@code .zip} file to write, or a folder
 */
public record ConversionRequest(Path input, String from, String to, ConversionOptions options, Path output) {

    public static final String AUTO = "auto";

    public ConversionRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(to, "target format");
        Objects.requireNonNull(output, "output");
        from = from == null || from.isEmpty() ? AUTO : from;
        options = options == null ? ConversionOptions.DEFAULTS : options;
    }
}
