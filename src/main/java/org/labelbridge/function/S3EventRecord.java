package org.labelbridge.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One record of an S3 event notification, only the fields used here. Funqy knows SQS, SNS,
 * Kinesis and DynamoDB events but not S3's, so the notification is read into these records;
 * everything else AWS sends is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3EventRecord(String eventSource, String eventName, Entity s3) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(Bucket bucket, S3Object object) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    /** {@code key} is URL-encoded as S3 sends it ({@code +} for a space). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size) {
    }

    /** Whether this record says an object was created (the only events that start a conversion). */
    public boolean isObjectCreated() {
        return eventName != null && eventName.startsWith("ObjectCreated:");
    }

    /** The object's location, with the key decoded. */
    public S3Uri object() {
        if (s3 == null || s3.bucket() == null || s3.bucket().name() == null || s3.object() == null
                || s3.object().key() == null) {
            throw new IllegalArgumentException("S3 event record without s3.bucket.name and s3.object.key");
        }
        return new S3Uri(s3.bucket().name(), URLDecoder.decode(s3.object().key(), StandardCharsets.UTF_8));
    }
}
