package org.labelbridge.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.function.FunctionConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./labelbridge serve}: a local S3 server over a folder ({@link LocalS3Server}) with an
 * input and an output bucket, and a poller ({@link BucketWatcher}) that runs the functions of
 * functions/ on every archive landing under their prefix, through the Lambda's code path.
 */
public final class LocalBucketMode implements AutoCloseable {

    /**
     * @param folder         where the buckets live ({@code <folder>/<bucket>/<key>})
     * @param port           the loopback port, 0 for any free one
     * @param pollMillis     how often the input bucket is listed
     * @param progressMillis the least time between two progress log lines of one conversion
     */
    public record Settings(Path folder, int port, String inputBucket, String outputBucket, long pollMillis,
                           long progressMillis) {
    }

    private final LocalS3Server server;
    private final S3Client s3;
    private final Thread poller;
    private volatile boolean running = true;

    private LocalBucketMode(Settings settings, FunctionConfig function, PrintStream logs, PrintStream messages)
            throws IOException {
        if (settings.inputBucket().equals(settings.outputBucket())) {
            throw new IllegalArgumentException("the input and output buckets must differ: outputs in the input bucket"
                    + " would be converted again");
        }
        this.server = LocalS3Server.start(settings.folder(), settings.port(),
                List.of(settings.inputBucket(), settings.outputBucket()));
        this.s3 = server.client();
        BucketWatcher watcher = new BucketWatcher(s3, settings.inputBucket(), settings.outputBucket(), function, logs,
                messages, settings.progressMillis());
        this.poller = new Thread(() -> poll(watcher, settings.pollMillis(), messages), "labelbridge-serve-poller");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Starts the server and the poller; {@link #close()} stops both. Conversions run with the
     * function's settings from the environment, as a deployment reads them
     * ({@code LABELBRIDGE_WORK_DIR}, {@code LABELBRIDGE_S3_ATTEMPTS}, ...: {@link FunctionConfig}),
     * except that reports carry no tag unless {@code LABELBRIDGE_REPORT_TAGGING} says so (S3Proxy
     * takes none).
     */
    public static LocalBucketMode start(Settings settings, PrintStream logs, PrintStream messages) throws IOException {
        return start(settings, System.getenv(), logs, messages);
    }

    /** The same, with the function's settings from {@code environment} (variable name to value). */
    public static LocalBucketMode start(Settings settings, Map<String, String> environment, PrintStream logs,
                                        PrintStream messages) throws IOException {
        Map<String, String> withDefaults = new HashMap<>(environment);
        withDefaults.putIfAbsent("LABELBRIDGE_REPORT_TAGGING", "none");
        return new LocalBucketMode(settings, FunctionConfig.fromEnvironment(withDefaults), logs, messages);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** A client of the local server. */
    public S3Client client() {
        return server.client();
    }

    private void poll(BucketWatcher watcher, long pollMillis, PrintStream messages) {
        while (running) {
            try {
                watcher.poll();
            } catch (RuntimeException e) {
                if (running) {
                    messages.println("labelbridge serve: polling the input bucket failed: " + e.getMessage());
                }
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Blocks until the poller stops (it runs until {@link #close()} or the process ends). */
    public void awaitStop() throws InterruptedException {
        poller.join();
    }

    @Override
    public void close() throws IOException {
        running = false;
        poller.interrupt();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s3.close();
        server.close();
    }
}
