package io.mediaworker.manifest;

import java.util.Optional;

/**
 * Where an asset came from: the location as given, its original file name, size and SHA-256, and
 * for an object-store source the exact object ({@code object}; absent for files, and in manifests
 * written before it existed).
 */
public record SourceRecord(String location, String originalName, long size, String sha256, Optional<SourceObject> object) {

    public SourceRecord {
        object = object == null ? Optional.empty() : object;
    }

    public SourceRecord(String location, String originalName, long size, String sha256) {
        this(location, originalName, size, sha256, Optional.empty());
    }
}
