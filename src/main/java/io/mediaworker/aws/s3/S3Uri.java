package io.mediaworker.aws.s3;

import io.mediaworker.model.UsageException;

/** An {@code s3://bucket/key} location. A key ending in {@code /} (or empty) is a prefix. */
public record S3Uri(String bucket, String key) {
    public static final String SCHEME = "s3://";

    public static boolean isS3(String location) {
        return location != null && location.startsWith(SCHEME);
    }

    public static S3Uri parse(String location) {
        if (!isS3(location)) throw new UsageException("not an s3:// location: " + location);
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        // Bucket naming rules, loosely: S3-compatible stores allow a little more than AWS does.
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-_]{1,254}")) {
            throw new UsageException("invalid bucket name in " + location);
        }
        return new S3Uri(bucket, key);
    }

    /** The last path segment of the key: the object's file name. */
    public String fileName() {
        int slash = key.lastIndexOf('/');
        return key.substring(slash + 1);
    }

    /** This prefix with {@code name} appended, with exactly one slash between. */
    public S3Uri child(String name) {
        String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return new S3Uri(bucket, base + name);
    }

    @Override public String toString() { return SCHEME + bucket + "/" + key; }
}
