package io.mediaworker.ffmpeg;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The ffmpeg this worker uses, the ffprobe beside it if any, and where it was found
 * ({@code flag}, {@code env}, {@code path} or {@code bundled}).
 */
public record FfmpegTools(Path ffmpeg, Optional<Path> ffprobe, String origin) {

    /** Probes with ffprobe's JSON when there is one; otherwise reads ffmpeg's own banner. */
    public Prober prober(ProcessRunner runner) {
        return ffprobe.<Prober>map(p -> new FfprobeProber(p, runner))
                .orElseGet(() -> new FfmpegBannerProber(ffmpeg, runner));
    }
}
