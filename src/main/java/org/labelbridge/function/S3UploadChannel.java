package org.labelbridge.function;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.labelbridge.archive.OutputChannel;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An output zip uploaded while it is written: each full part ({@code partBytes}) goes up as a
 * part of a multipart upload, up to {@code parallelParts} at once on threads of their own
 * while the conversion writes the next, each retried by {@link S3Retry}. The object appears
 * only at {@link #complete()}, once every part is there; closed without it, or after a part
 * failed for good, the upload is aborted and nothing appears. An output smaller than one part
 * goes up in one PUT. Memory: at most {@code parallelParts + 1} parts. The bytes are counted
 * and their SHA-256 taken as they pass, for the report.
 */
final class S3UploadChannel implements OutputChannel {

    private static final Logger LOG = Logger.getLogger(S3UploadChannel.class);

    private final S3Client s3;
    private final S3Retry retry;
    private final S3Uri uri;
    private final String contentType;
    private final String tagging;
    private final int partBytes;
    private final Semaphore slots;
    private final ExecutorService uploads;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private final MessageDigest sha256;
    private byte[] buffer;
    private int buffered;
    private long size;
    private String uploadId;
    private boolean open = true;
    private boolean completed;
    private String digest;

    /** @param tagging the object's tag set ({@code key=value&...}), or null for none */
    S3UploadChannel(S3Client s3, S3Retry retry, S3Uri uri, String contentType, String tagging, int partBytes,
                    int parallelParts) {
        this.s3 = s3;
        this.retry = retry;
        this.uri = uri;
        this.contentType = contentType;
        this.tagging = tagging;
        this.partBytes = partBytes;
        this.slots = new Semaphore(parallelParts);
        AtomicInteger n = new AtomicInteger();
        this.uploads = Executors.newFixedThreadPool(parallelParts, r -> {
            Thread t = new Thread(r, "labelbridge-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.buffer = new byte[partBytes];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String name() {
        return uri.toString();
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int written = source.remaining();
        while (source.hasRemaining()) {
            int n = Math.min(source.remaining(), partBytes - buffered);
            source.get(buffer, buffered, n);
            sha256.update(buffer, buffered, n);
            buffered += n;
            if (buffered == partBytes) {
                sendPart();
            }
        }
        size += written;
        return written;
    }

    /** Hands the full buffer to an upload thread, waiting for a free slot; a part that failed stops the writing. */
    private void sendPart() throws IOException {
        failIfAPartFailed();
        if (uploadId == null) {
            uploadId = retry.call("start the upload of " + uri, () -> s3.createMultipartUpload(b -> b.bucket(uri.bucket())
                    .key(uri.key()).contentType(contentType).tagging(tagging)).uploadId());
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + uri);
        }
        byte[] part = buffer;
        int length = buffered;
        int number = parts.size() + 1;
        String id = uploadId;
        try {
            parts.add(uploads.submit(() -> {
                try {
                    String etag = retry.call("upload part " + number + " of " + uri, () -> s3.uploadPart(b -> b
                                    .bucket(uri.bucket()).key(uri.key()).uploadId(id).partNumber(number)
                                    .contentLength((long) length),
                            RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length,
                                    "application/octet-stream")).eTag());
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                } finally {
                    slots.release();
                }
            }));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        buffer = new byte[partBytes];
        buffered = 0;
    }

    private void failIfAPartFailed() throws IOException {
        for (Future<CompletedPart> part : parts) {
            if (part.isDone()) {
                result(part);
            }
        }
    }

    private static CompletedPart result(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading");
        }
    }

    @Override
    public void complete() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        try {
            if (uploadId == null) {
                byte[] whole = buffer;
                int length = buffered;
                retry.call("upload " + uri, () -> s3.putObject(b -> b.bucket(uri.bucket()).key(uri.key())
                                .contentType(contentType).tagging(tagging).contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(whole, 0, length), length,
                                contentType)));
            } else {
                if (buffered > 0) {
                    sendPart();
                }
                List<CompletedPart> done = new ArrayList<>();
                for (Future<CompletedPart> part : parts) {
                    done.add(result(part));
                }
                done.sort(Comparator.comparing(CompletedPart::partNumber));
                retry.call("complete the upload of " + uri, () -> s3.completeMultipartUpload(b -> b.bucket(uri.bucket())
                        .key(uri.key()).uploadId(uploadId).multipartUpload(m -> m.parts(done))));
            }
            completed = true;
            digest = HexFormat.of().formatHex(sha256.digest());
        } finally {
            close();
        }
    }

    /** Bytes written. */
    long size() {
        return size;
    }

    /** The SHA-256 of what was uploaded, once complete. */
    String sha256() {
        return digest;
    }

    /** Without {@link #complete()}: stops the parts and aborts the upload, so that nothing of it remains. */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        buffer = null;
        if (completed) {
            uploads.shutdown();
            return;
        }
        parts.forEach(p -> p.cancel(false)); // parts not yet started never start
        uploads.shutdown();
        try {
            // A part being sent finishes (or fails) before the abort, so that none lands after it.
            uploads.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (uploadId != null) {
            try {
                String id = uploadId;
                retry.call("abort the upload of " + uri, () -> s3.abortMultipartUpload(b -> b.bucket(uri.bucket())
                        .key(uri.key()).uploadId(id)));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("could not abort the upload of %s (%s): the bucket's lifecycle rule removes its parts", uri,
                        S3Retry.describe(e));
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
