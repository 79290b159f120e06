package org.labelbridge.function;

import java.util.Objects;

/** {@code s3://bucket/key}: where an object is or goes. A key ending in {@code /} is a folder. */
public record S3Uri(String bucket, String key) {

    private static final String SCHEME = "s3://";

    public S3Uri {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** Parses {@code s3://bucket/key}; {@code what} names the field in the error. */
    public static S3Uri parse(String uri, String what) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException(what + " must be an s3://bucket/key URI, got "
                    + (uri == null ? "nothing" : "'" + uri + "'"));
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException(what + " has no bucket: '" + uri + "'");
        }
        return new S3Uri(bucket, key);
    }

    /** This URI as a folder: the key with a trailing {@code /} (or empty, the bucket's top). */
    public S3Uri asFolder() {
        return key.isEmpty() || key.endsWith("/") ? this : new S3Uri(bucket, key + "/");
    }

    public S3Uri resolve(String relativeKey) {
        return new S3Uri(bucket, asFolder().key + relativeKey);
    }

    /** The key's folder, with its trailing {@code /}; empty at the top of the bucket. */
    public String folder() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    /** The last segment of the key. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
