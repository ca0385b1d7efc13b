package io.mediaworker.manifest;

import io.mediaworker.model.MediaInfo;

/** What ingest learned: the stored source's name in the asset folder, the probe, and how it was probed. */
public record IngestFacts(String storedAs, String probeMethod, MediaInfo probe) {
}
