package io.mediaworker.plan;

import java.util.Comparator;
import java.util.List;

/**
 * What to make of a source: the rungs, the keyframe interval, the frame-rate cap, the x264
 * preset and the audio. {@link #DEFAULT} is the built-in ladder; a JSON profile file replaces it.
 */
public record LadderProfile(
        String name,
        List<RungSpec> rungs,
        double keyframeIntervalSeconds,
        int maxFrameRate,
        String preset,
        AudioSpec audio) {

    private static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");

    public static final LadderProfile DEFAULT = new LadderProfile("default",
            List.of(RungSpec.of(1080, 5000), RungSpec.of(720, 3000), RungSpec.of(480, 1500), RungSpec.of(360, 800)),
            2.0, 60, "medium", AudioSpec.DEFAULT);

    public LadderProfile {
        if (rungs == null || rungs.isEmpty()) throw new IllegalArgumentException("a profile needs at least one rung");
        rungs = rungs.stream().sorted(Comparator.comparingInt(RungSpec::height).reversed()).toList();
        if (rungs.stream().map(RungSpec::height).distinct().count() != rungs.size()) {
            throw new IllegalArgumentException("two rungs have the same height");
        }
        if (keyframeIntervalSeconds < 0.5 || keyframeIntervalSeconds > 10) throw new IllegalArgumentException("keyframeIntervalSeconds must be 0.5..10");
        if (maxFrameRate < 1 || maxFrameRate > 120) throw new IllegalArgumentException("maxFrameRate must be 1..120");
        if (!PRESETS.contains(preset)) throw new IllegalArgumentException("preset must be one of " + PRESETS);
    }
}
