package io.mediaworker.manifest;

/** Where an asset came from: the location as given, its original file name, size and SHA-256. */
public record SourceRecord(String location, String originalName, long size, String sha256) {
}
