package io.mediaworker.manifest;

import java.util.Optional;

/**
 * The exact object a source was read from in an object store: bucket, key, version id (when the
 * bucket is versioned), ETag, and how the downloaded bytes were checked against the store
 * ({@code verifiedBy}: {@code checksum-sha256}, {@code checksum-crc32c}, {@code checksum-crc32},
 * {@code etag-md5}, {@code etag-multipart} or {@code size-only}).
 */
public record SourceObject(String bucket, String key, Optional<String> versionId, String eTag, String verifiedBy) {

    public SourceObject {
        versionId = versionId == null ? Optional.empty() : versionId;
    }

    /** The same object: same bucket and key, and the same version when both have one, else the same ETag. */
    public boolean sameObjectAs(SourceObject other) {
        if (!bucket.equals(other.bucket) || !key.equals(other.key)) return false;
        if (versionId.isPresent() && other.versionId.isPresent()) return versionId.equals(other.versionId);
        return eTag.equals(other.eTag);
    }
}
