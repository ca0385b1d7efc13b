package io.mediaworker.ffmpeg;

import java.util.Optional;

/**
 * One progress report of an ffmpeg run: where it is in the media, how fast it goes, and what that
 * means against the media's total duration (percent and ETA are empty when the total is unknown).
 */
public record Progress(double outTimeSeconds, long frame, double fps, double speed, double totalSeconds, boolean finished) {

    public Optional<Double> percent() {
        if (finished) return Optional.of(100.0);
        if (totalSeconds <= 0) return Optional.empty();
        return Optional.of(Math.min(100.0, 100.0 * outTimeSeconds / totalSeconds));
    }

    /** Seconds left at the current speed. */
    public Optional<Double> etaSeconds() {
        if (finished) return Optional.of(0.0);
        if (totalSeconds <= 0 || speed <= 0) return Optional.empty();
        return Optional.of(Math.max(0, totalSeconds - outTimeSeconds) / speed);
    }
}
