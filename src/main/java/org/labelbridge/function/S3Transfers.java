package org.labelbridge.function;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 side of a conversion, each request retried by {@link S3Retry}: inputs are read where
 * they lie ({@link S3ObjectBytes}; a tar.gz through a temporary object, {@link S3ScratchCopy}), outputs go up while they are written ({@link S3UploadChannel},
 * completed only when whole, aborted on failure), small files (reports) go up whole, and
 * objects are deleted.
 */
final class S3Transfers {

    /** S3's smallest part (except the last). */
    static final long MIN_PART_BYTES = 5L << 20;

    private final S3Client s3;
    private final S3Retry retry;
    private final int partBytes;
    private final int parallelParts;

    /**
     * @param partBytes     size of an upload part; outputs up to this size go up in one request
     * @param parallelParts parts of one upload in flight at once
     */
    S3Transfers(S3Client s3, S3Retry retry, long partBytes, int parallelParts) {
        this.s3 = s3;
        this.retry = retry;
        this.partBytes = (int) Math.min(Math.max(MIN_PART_BYTES, partBytes), 1L << 30);
        this.parallelParts = parallelParts;
    }

    /** The object, to be read by ranges; it goes by {@code name} and spools in {@code workFolder}. */
    S3ObjectBytes open(S3Uri uri, String name, Path workFolder) throws IOException {
        return S3ObjectBytes.open(s3, retry, uri, name, workFolder);
    }

    /**
     * An input, to be read by ranges, whose scratch copy (a tar.gz inflated) is the temporary
     * object {@code scratch} (tagged {@code scratchTagging}, or not when null) rather than a file.
     */
    S3ObjectBytes openInput(S3Uri uri, String name, Path workFolder, S3Uri scratch, String scratchTagging)
            throws IOException {
        return open(uri, name, workFolder).withScratch(() -> new S3ScratchCopy(this, scratch, scratchTagging, workFolder));
    }

    /** An upload to {@code uri}, with the tag set {@code tagging} ({@code key=value}) or null for none. */
    S3UploadChannel uploadTo(S3Uri uri, String contentType, String tagging) {
        return new S3UploadChannel(s3, retry, uri, contentType, tagging, partBytes, parallelParts);
    }

    /** Uploads a file (a report), whole or not at all. */
    void upload(Path file, S3Uri uri, String contentType, String tagging) throws IOException {
        try (FileChannel in = FileChannel.open(file); S3UploadChannel out = uploadTo(uri, contentType, tagging)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                out.write(buffer);
                buffer.clear();
            }
            out.complete();
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
}
