package org.labelbridge.function;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.labelbridge.archive.ArchiveBytes;
import org.labelbridge.archive.ScratchCopy;

/**
 * A scratch copy as a temporary object (a tar.gz inflated to be read in place, see
 * {@code archive/InputArchive}): written as a multipart upload ({@link S3UploadChannel}), read
 * back by ranges ({@link S3ObjectBytes}), deleted on {@link #close()} whatever happened (an
 * unfinished upload is aborted). The object carries the tag {@value FunctionConfig#SCRATCH_TAGGING}
 * (when tags are on), which infra/'s lifecycle rule expires after a day: the backstop for a
 * function killed before it could delete it. The Lambda's small local space holds none of it.
 */
final class S3ScratchCopy implements ScratchCopy {

    private static final Logger LOG = Logger.getLogger(S3ScratchCopy.class);

    private final S3Transfers transfers;
    private final S3Uri uri;
    private final Path workFolder;
    private final S3UploadChannel upload;

    /** @param tagging the object's tag set, or null for none */
    S3ScratchCopy(S3Transfers transfers, S3Uri uri, String tagging, Path workFolder) {
        this.transfers = transfers;
        this.uri = uri;
        this.workFolder = workFolder;
        this.upload = transfers.uploadTo(uri, "application/x-tar", tagging);
    }

    @Override
    public String name() {
        return uri.toString();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        upload.write(ByteBuffer.wrap(bytes, offset, length));
    }

    /** A store's object takes what the archive limits allow. */
    @Override
    public long room() {
        return Long.MAX_VALUE;
    }

    @Override
    public ArchiveBytes finish() throws IOException {
        upload.complete();
        return transfers.open(uri, uri.fileName(), workFolder);
    }

    @Override
    public void close() throws IOException {
        try {
            upload.close();
        } finally {
            transfers.delete(uri);
            LOG.debugf("deleted the scratch copy %s", uri);
        }
    }
}
