package org.labelbridge.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;

/**
 * The thread that owns a zip stream: it compresses and writes the operations it is given, in
 * the order given, while the conversion goes on producing the next ones. On two cores the
 * deflating, CRCs, headers and file writes of 100,000 small entries (YOLO's label files) then
 * cost the conversion almost nothing. The queue is bounded (at most {@value #CAPACITY}
 * operations of at most {@link ZipOutput#CHUNK} bytes each), so memory stays bounded.
 *
 * <p>The first failure stops the writing; every later {@link #submit} and {@link #finish}
 * throws it, so the conversion fails with the original error (naming its file).
 */
final class ZipWriterThread {

    /** One step of writing the zip, run on the zip's thread. */
    interface Operation {
        void apply(ZipWriter zip, Deflater deflater) throws IOException;
    }

    static final int CAPACITY = 256;

    private static final Operation END = (zip, deflater) -> {
    };

    private final ZipWriter zip;
    private final BlockingQueue<Operation> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile Throwable failure;

    ZipWriterThread(ZipWriter zip, int level) {
        this.zip = zip;
        this.thread = new Thread(() -> run(level), "labelbridge-zip");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            for (Operation op = take(); op != END; op = take()) {
                if (failure == null) {
                    try {
                        op.apply(zip, deflater);
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
            }
        } finally {
            deflater.end();
        }
    }

    private Operation take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only END stops the thread: the queue is always ended by finish() or abort().
            }
        }
    }

    /** Queues an operation, waiting while the queue is full; throws an earlier failure. */
    void submit(Operation op) throws IOException {
        rethrowFailure();
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the zip", e);
        }
    }

    /** Waits until every queued operation ran; throws the first failure. */
    void finish() throws IOException {
        end();
        rethrowFailure();
    }

    /** Stops after the queued operations (skipping them once one failed); never throws. */
    void abort() {
        if (failure == null) {
            failure = new IOException("zip output aborted");
        }
        end();
    }

    private void end() {
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.isAlive()) {
                    queue.put(END);
                }
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IOException(e);
    }
}
