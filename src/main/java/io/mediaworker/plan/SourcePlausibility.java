package io.mediaworker.plan;

import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.VideoStream;
import java.util.Optional;

/**
 * Header values no real source has: a hand-patched or corrupt header must be refused at ingest,
 * not planned into an hours-long transcode, a frame of gigabytes or a QC that can never pass.
 * Pure. The limits are far beyond anything a camera or an encoder makes.
 */
public final class SourcePlausibility {
    /** Larger than H.264/HEVC's highest level (8192x4320) and any camera; ffmpeg still allocates such frames. */
    static final int MAX_SIDE = 16_384;
    static final long MAX_PIXELS = 8_192L * 8_192L;
    /** Longer than any programme or recording a media team sends through a transcode. */
    static final double MAX_HOURS = 100;
    /** Fewer bytes per declared second than even a still picture at one frame a second takes (index entries included). */
    static final double MIN_BYTES_PER_SECOND = 64;

    private SourcePlausibility() {}

    /** The problem with the header, when there is one. */
    public static Optional<String> problem(MediaInfo info) {
        Optional<VideoStream> video = info.mainVideo();
        if (video.isPresent()) {
            int w = video.get().size().width(), h = video.get().size().height();
            if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                return Optional.of("the header declares a " + w + "x" + h + " picture: beyond any real source (at most "
                        + MAX_SIDE + " a side, " + MAX_PIXELS / 1_000_000 + " megapixels)");
            }
        }
        double seconds = info.durationSeconds();
        if (seconds > MAX_HOURS * 3600) {
            return Optional.of(String.format(java.util.Locale.ROOT, "the header declares a duration of %.0f s (%.1f days): beyond any real source (at most %.0f h)",
                    seconds, seconds / 86_400, MAX_HOURS));
        }
        if (seconds > 60 && info.sizeBytes() / seconds < MIN_BYTES_PER_SECOND) {
            return Optional.of(String.format(java.util.Locale.ROOT, "the header declares %.0f s of media in %d bytes: "
                    + "too few to hold it (a corrupt or patched duration)", seconds, info.sizeBytes()));
        }
        return Optional.empty();
    }
}
