package org.labelbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.labelbridge.serve.LocalBucketMode;

/**
 * {@code labelbridge serve}: starts the local bucket mode and runs until stopped (Ctrl-C).
 * Conversions log JSON lines to standard output, as the Lambda does; what a person reads
 * (where the server is, each conversion in a line) goes to standard error.
 */
final class ServeCommand {

    static final int DEFAULT_PORT = 9000;
    static final String DEFAULT_DIR = "local-s3";
    static final String DEFAULT_INPUT = "input";
    static final String DEFAULT_OUTPUT = "output";
    static final int DEFAULT_POLL_MS = 500;
    /** The least time between two progress log lines of one conversion; not a flag. */
    static final long PROGRESS_MS = 5_000;

    static final Command COMMAND = new Command("serve", List.of(
            Flag.optional("dir", "FOLDER", "the folder holding the buckets (default " + DEFAULT_DIR + ")"),
            Flag.optional("port", "N", "loopback port of the S3 server, 0 for any free one (default " + DEFAULT_PORT + ")"),
            Flag.optional("input-bucket", "NAME", "the bucket watched for archives (default " + DEFAULT_INPUT + ")"),
            Flag.optional("output-bucket", "NAME", "where converted zips and reports go (default " + DEFAULT_OUTPUT
                    + "); must differ from the input bucket"),
            Flag.optional("poll-ms", "MS", "how often the input bucket is listed, 50 to 60000 (default "
                    + DEFAULT_POLL_MS + ")")),
            "",
            """
            Runs the functions of functions/ on a local S3-compatible server (loopback, any credentials)
            over a folder: an archive put in the input bucket under <from>-to-<to>/ is converted into the
            output bucket under the same prefix, with its report. Runs until Ctrl-C.""",
            "A line per conversion goes to standard error, the function's JSON log lines to standard output.");

    private ServeCommand() {
    }

    static int run(Arguments a, PrintStream out, PrintStream err) throws IOException, UsageException {
        LocalBucketMode.Settings settings = settings(a);
        Path folder = settings.folder();
        String input = settings.inputBucket();
        String output = settings.outputBucket();
        LocalBucketMode serve = LocalBucketMode.start(settings, out, err);
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

    /** The server's settings from the command's flags, their defaults where not given. */
    static LocalBucketMode.Settings settings(Arguments a) throws UsageException {
        if (!a.positional().isEmpty()) {
            throw new UsageException("serve takes no positional arguments, got " + a.positional());
        }
        Path folder = Path.of(orDefault(a.single("dir"), DEFAULT_DIR)).toAbsolutePath();
        int port = number(a, "port", DEFAULT_PORT, 0, 65535);
        long poll = number(a, "poll-ms", DEFAULT_POLL_MS, 50, 60_000);
        String input = orDefault(a.single("input-bucket"), DEFAULT_INPUT);
        String output = orDefault(a.single("output-bucket"), DEFAULT_OUTPUT);
        return new LocalBucketMode.Settings(folder, port, input, output, poll, PROGRESS_MS);
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
