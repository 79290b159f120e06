package org.labelbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.labelbridge.serve.LocalBucketMode;

/**
 * {@code labelbridge serve}: starts the local bucket mode and runs until stopped (Ctrl-C).
 * Conversions log JSON lines to standard output, as the Lambda does; what a person reads
 * (where the server is, each conversion in a line) goes to standard error.
 */
final class ServeCommand {

    static final int DEFAULT_PORT = 9000;

    private ServeCommand() {
    }

    static int run(Arguments a, PrintStream out, PrintStream err) throws IOException, UsageException {
        a.allow("dir", "port", "input-bucket", "output-bucket", "poll-ms");
        if (!a.positional().isEmpty()) {
            throw new UsageException("serve takes no positional arguments, got " + a.positional());
        }
        Path folder = Path.of(orDefault(a.single("dir"), "local-s3")).toAbsolutePath();
        int port = number(a, "port", DEFAULT_PORT, 0, 65535);
        long poll = number(a, "poll-ms", 500, 50, 60_000);
        String input = orDefault(a.single("input-bucket"), "input");
        String output = orDefault(a.single("output-bucket"), "output");
        LocalBucketMode serve = LocalBucketMode.start(new LocalBucketMode.Settings(folder, port, input, output, poll,
                5_000), out, err);
        String endpoint = serve.endpoint().toString();
        err.printf("""
                labelbridge serve: S3 on %s (any credentials), buckets in %s
                  input:  s3://%s   archives under <from>-to-<to>/ (a descriptor of functions/) are converted
                  output: s3://%s  the zip and its .report.json appear under the same prefix
                  try:    aws --endpoint-url %s s3 cp my-dataset.zip s3://%s/auto-to-yolo/
                          or copy it into %s
                JSON log lines go to standard output. Ctrl-C stops.
                """, endpoint, folder, input, output, endpoint, input, folder.resolve(input).resolve("auto-to-yolo"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                serve.close();
            } catch (IOException e) {
                err.println("labelbridge serve: " + e.getMessage());
            }
        }, "labelbridge-serve-stop"));
        try {
            serve.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int number(Arguments a, String name, int fallback, int min, int max) throws UsageException {
        String value = a.single(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number from " + min + " to " + max + ", got '" + value + "'");
        }
    }
}
