package io.mediaworker.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * An asset's name in the content tree: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}, so it is always
 * one safe path segment. By default it is derived from the source's SHA-256, so the same bytes
 * always become the same asset.
 */
public record AssetId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** 20 hex digits = 80 bits: collisions stay negligible far beyond any media library's size. */
    static final int DERIVED_LENGTH = 20;

    public AssetId {
        if (value == null || !VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new UsageException("invalid asset id '" + value + "': use 1-128 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
    }

    @JsonCreator
    public static AssetId of(String value) { return new AssetId(value); }

    public static AssetId fromSha256(String sha256Hex) {
        if (sha256Hex.length() != 64) throw new IllegalArgumentException("not a SHA-256: " + sha256Hex);
        return new AssetId(sha256Hex.substring(0, DERIVED_LENGTH));
    }

    @JsonValue @Override public String toString() { return value; }
}
