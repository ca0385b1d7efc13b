package io.mediaworker.manifest;

import java.util.Optional;

/**
 * One object a delivery left in an object store: its {@code s3://} location, version id (versioned
 * buckets), ETag, the full-object checksum S3 holds ({@code checksumAlgorithm}: SHA256 or CRC32C,
 * base64 {@code checksum}), how the object was verified ({@code checksum-sha256},
 * {@code checksum-crc32c}, {@code read-back-sha256}) and whether this run uploaded it or found it
 * already there ({@code uploaded} / {@code already-present}).
 */
public record DeliveredObject(String location, Optional<String> versionId, String eTag, String checksumAlgorithm,
                              String checksum, String verifiedBy, String action) {

    public DeliveredObject {
        versionId = versionId == null ? Optional.empty() : versionId;
    }
}
