package io.mediaworker.manifest;

/** A file a stage read or wrote: its path relative to the content root (or a URI outside it), size and SHA-256. */
public record FileRecord(String path, long size, String sha256) {
}
