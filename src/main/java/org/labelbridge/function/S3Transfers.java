package org.labelbridge.function;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Moves whole files between S3 and the work folder, each transfer retried by {@link S3Retry}.
 * A download is checked against its announced length (a body cut short is retried, not
 * converted) and refused before it is read when it is larger than allowed. An upload larger
 * than one part goes up in parts and is completed only when every part is there; on failure it
 * is aborted, so S3 never shows a partial object.
 */
final class S3Transfers {

    private static final Logger LOG = Logger.getLogger(S3Transfers.class);

    /** S3's smallest part (except the last). */
    static final long MIN_PART_BYTES = 5L << 20;

    private final S3Client s3;
    private final S3Retry retry;
    private final long partBytes;

    /** @param partBytes size of an upload part; files up to this size go up in one request */
    S3Transfers(S3Client s3, S3Retry retry, long partBytes) {
        this.s3 = s3;
        this.retry = retry;
        this.partBytes = partBytes;
    }

    /**
     * Downloads the object into {@code file}. An object larger than {@code maxBytes} is refused
     * before its body is read, with {@code tooLarge} saying why that is the limit.
     */
    long download(S3Uri uri, Path file, long maxBytes, String tooLarge) throws IOException {
        return retry.call("download " + uri, () -> downloadOnce(uri, file, maxBytes, tooLarge));
    }

    private long downloadOnce(S3Uri uri, Path file, long maxBytes, String tooLarge) throws IOException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()));
        } catch (NoSuchKeyException e) {
            throw new IOException("no such object (deleted before it was processed?)", e);
        } catch (S3Exception e) {
            if (S3Retry.isTransient(e)) {
                throw e;
            }
            throw new IOException("cannot download: " + S3Retry.describe(e), e);
        }
        try (in) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw new IOException("the object is " + size(length) + ", more than " + size(maxBytes) + ": " + tooLarge);
            }
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        throw new S3Retry.TruncatedTransferException("the body broke off after " + copied + " of "
                                + length + " bytes (" + e.getMessage() + ")");
                    }
                    if (n < 0) {
                        break;
                    }
                    copied += n;
                    if (copied > maxBytes) {
                        in.abort();
                        throw new IOException("the object is more than " + size(maxBytes) + ": " + tooLarge);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (length != null && copied != length) {
                throw new S3Retry.TruncatedTransferException("the body ended after " + copied + " of " + length + " bytes");
            }
            return copied;
        }
    }

    /** Uploads {@code file} as the object, whole or not at all; {@code tagging} may be null. */
    void upload(Path file, S3Uri uri, String contentType, String tagging) throws IOException {
        long size = Files.size(file);
        if (size <= partBytes) {
            retry.call("upload " + uri, () -> s3.putObject(b -> b.bucket(uri.bucket()).key(uri.key())
                    .contentType(contentType).tagging(tagging), RequestBody.fromFile(file)));
            return;
        }
        String uploadId = retry.call("start the upload of " + uri, () -> s3.createMultipartUpload(b -> b
                .bucket(uri.bucket()).key(uri.key()).contentType(contentType).tagging(tagging)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partBytes) {
                int number = parts.size() + 1;
                long from = offset;
                long length = Math.min(partBytes, size - offset);
                String etag = retry.call("upload part " + number + " of " + uri, () -> s3.uploadPart(b -> b
                                .bucket(uri.bucket()).key(uri.key()).uploadId(uploadId).partNumber(number).contentLength(length),
                        RequestBody.fromContentProvider(() -> slice(file, from, length), length,
                                "application/octet-stream")).eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            retry.call("complete the upload of " + uri, () -> s3.completeMultipartUpload(b -> b.bucket(uri.bucket())
                    .key(uri.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(uri, uploadId, e);
            throw e;
        }
    }

    /** Aborts an upload so that its parts do not linger; a failure to do so is kept with {@code failure}. */
    private void abort(S3Uri uri, String uploadId, Exception failure) {
        try {
            retry.call("abort the upload of " + uri, () -> s3.abortMultipartUpload(b -> b.bucket(uri.bucket())
                    .key(uri.key()).uploadId(uploadId)));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not abort the upload of %s (%s): the bucket's lifecycle rule removes its parts", uri,
                    S3Retry.describe(e));
            failure.addSuppressed(e);
        }
    }

    /** Deletes the object if it is there (S3 answers a missing key as a success). */
    void delete(S3Uri uri) throws IOException {
        retry.call("delete " + uri, () -> s3.deleteObject(b -> b.bucket(uri.bucket()).key(uri.key())));
    }

    /** A size for people: {@code 512 bytes}, {@code 24.8 KB}, {@code 3.1 GB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code length} bytes of the file from {@code offset}, opened anew for every attempt. */
    private static InputStream slice(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new FilterInputStream(in) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    left -= b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buffer, off, (int) Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
