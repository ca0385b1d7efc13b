package io.mediaworker.mp4;

import java.util.List;

/**
 * One track's timing as its sample tables state it: handler ("vide", "soun"), media duration in
 * seconds, sample count, the presentation times of its sync samples (keyframes) in seconds, and
 * the number and contents of edit-list entries, and the bytes of media in each second (for bitrate plots).
 */
public record TrackTiming(String handler, double durationSeconds, long sampleCount, List<Double> syncSampleTimes, int editCount,
                          List<Edit> edits, List<Long> bytesPerSecond) {

    /** One edit-list entry: how long it plays (seconds, movie time), from where in the media (-1: an empty edit, a gap), at what rate. */
    public record Edit(double durationSeconds, double mediaTimeSeconds, double rate) {
        public boolean empty() { return mediaTimeSeconds < 0; }
    }

    public TrackTiming {
        syncSampleTimes = List.copyOf(syncSampleTimes);
        edits = List.copyOf(edits);
        bytesPerSecond = List.copyOf(bytesPerSecond);
    }

    public TrackTiming(String handler, double durationSeconds, long sampleCount, List<Double> syncSampleTimes, int editCount) {
        this(handler, durationSeconds, sampleCount, syncSampleTimes, editCount, List.of(), List.of());
    }

    public boolean isVideo() { return handler.equals("vide"); }

    public boolean isAudio() { return handler.equals("soun"); }
}
