package io.mediaworker.mp4;

import java.util.List;

/**
 * One track's timing as its sample tables state it: handler ("vide", "soun"), media duration in
 * seconds, sample count, the presentation times of its sync samples (keyframes) in seconds, and
 * the number of edit-list entries.
 */
public record TrackTiming(String handler, double durationSeconds, long sampleCount, List<Double> syncSampleTimes, int editCount) {

    public TrackTiming {
        syncSampleTimes = List.copyOf(syncSampleTimes);
    }

    public boolean isVideo() { return handler.equals("vide"); }

    public boolean isAudio() { return handler.equals("soun"); }
}
