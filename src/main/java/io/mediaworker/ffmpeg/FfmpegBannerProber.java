package io.mediaworker.ffmpeg;

import io.mediaworker.model.MediaInfo;
import java.nio.file.Path;

/** Placeholder: being written (reads `ffmpeg -i` output when no ffprobe is available). */
public final class FfmpegBannerProber implements Prober {
    private final Path ffmpeg;
    private final ProcessRunner runner;

    public FfmpegBannerProber(Path ffmpeg, ProcessRunner runner) {
        this.ffmpeg = ffmpeg;
        this.runner = runner;
    }

    @Override public MediaInfo probe(Path file) { throw new UnsupportedOperationException("not yet"); }

    @Override public String method() { return "ffmpeg-banner"; }
}
