package io.mediaworker.plan;

import io.mediaworker.model.Rational;
import java.util.List;
import java.util.Optional;

/**
 * The renditions planned for one source, top rung first, with what they share: the frame rate,
 * the keyframe interval (in seconds and in frames), and the audio stream to carry, if any.
 */
public record Ladder(
        List<Rendition> renditions,
        Rational frameRate,
        double keyframeIntervalSeconds,
        int gopFrames,
        int videoStreamIndex,
        Optional<Integer> audioStreamIndex,
        AudioSpec audio,
        String preset,
        List<String> notes) {

    public Ladder {
        renditions = List.copyOf(renditions);
        notes = List.copyOf(notes);
    }

    /** The same ladder with other renditions (one rung at a time, when a retry encodes rung by rung). */
    public Ladder withRenditions(List<Rendition> chosen) {
        return new Ladder(chosen, frameRate, keyframeIntervalSeconds, gopFrames, videoStreamIndex, audioStreamIndex, audio, preset, notes);
    }
}
