package io.mediaworker.ffmpeg;

import io.mediaworker.model.MediaInfo;
import java.nio.file.Path;

/** Reads a local media file's container and stream facts. Throws InvalidInputException for non-media. */
public interface Prober {
    MediaInfo probe(Path file);

    /** A short name for the manifest: which way the facts were read. */
    String method();
}
