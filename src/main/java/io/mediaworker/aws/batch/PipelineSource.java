package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A source named before anything has read it: an S3 object ({@code s3://bucket/key}, with the
 * version id or ETag of the upload when known) or a path the ingest job can open. Its asset id is
 * derived from that name, since the content's SHA-256 (ingest's default) is not known yet; every
 * job of the pipeline is given the same id.
 */
public record PipelineSource(String location, Optional<String> revision) {
    private static final String S3 = "s3://";

    public PipelineSource {
        if (location.isBlank()) throw new IllegalArgumentException("empty source");
        revision = revision.filter(r -> !r.isBlank());
    }

    public static PipelineSource s3(String bucket, String key, Optional<String> revision) {
        return new PipelineSource(S3 + bucket + "/" + key, revision);
    }

    public boolean isS3() { return location.startsWith(S3); }

    /**
     * The first 20 hex digits of SHA-256 over "location NUL revision": the same upload (duplicate
     * events, re-submits) is always the same asset, a new upload to the same key (new version id
     * or ETag) a new one. Without a revision the location alone names the asset.
     */
    public AssetId derivedAssetId() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((location + "\0" + revision.orElse("")).getBytes(StandardCharsets.UTF_8));
            return AssetId.fromSha256(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
