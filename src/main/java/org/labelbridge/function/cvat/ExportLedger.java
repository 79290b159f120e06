package org.labelbridge.function.cvat;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Which exports were asked for: one marker object per export key under {@value #PREFIX} in the
 * input bucket, created with a conditional put ({@code If-None-Match: *}), so that of two
 * deliveries of one event, however close, exactly one claims the export. No trigger watches the
 * prefix. A claim whose export could not be started is released, so that CVAT's retry can.
 */
final class ExportLedger {

    static final String PREFIX = "cvat-webhook/exports/";

    private final S3Client s3;
    private final String bucket;

    ExportLedger(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String markerKey(String exportName) {
        return PREFIX + exportName + ".json";
    }

    /** Claims the export; false when it was claimed before (a replayed or duplicated delivery). */
    boolean claim(String exportName, String content) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(markerKey(exportName)).ifNoneMatch("*").contentType("application/json"),
                    RequestBody.fromString(content, StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception e) {
            // 412: the marker exists; 409: a concurrent conditional put of the same key won
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    void release(String exportName) {
        s3.deleteObject(r -> r.bucket(bucket).key(markerKey(exportName)));
    }
}
