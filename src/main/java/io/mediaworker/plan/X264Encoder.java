package io.mediaworker.plan;

import java.util.List;

/**
 * libx264 on the CPU. Capped VBR (average, peak and VBV buffer from the rendition), a fixed GOP of
 * the ladder's keyframe interval with keyframes forced at the same timestamps in every rung, no
 * scene-cut keyframes, closed GOPs: so a player can switch rungs at any keyframe.
 */
public final class X264Encoder implements VideoEncoder {

    @Override public String ffmpegName() { return "libx264"; }

    @Override public String finalFilters() { return "format=yuv420p"; }

    @Override
    public List<String> videoOptions(Rendition r, Ladder ladder) {
        String gop = Integer.toString(ladder.gopFrames());
        return List.of(
                "-c:v", ffmpegName(),
                "-preset", ladder.preset(),
                "-profile:v", r.profile(),
                "-b:v", r.videoKbps() + "k",
                "-maxrate", r.maxKbps() + "k",
                "-bufsize", r.bufferKbps() + "k",
                "-g", gop,
                "-keyint_min", gop,
                "-sc_threshold", "0",
                "-flags", "+cgop",
                "-force_key_frames", keyframeExpression(ladder));
    }

    /** Keyframes at the first frame at or after each multiple of the interval: the same instants in every rung. */
    static String keyframeExpression(Ladder ladder) {
        return "expr:gte(t,n_forced*" + trim(ladder.keyframeIntervalSeconds()) + ")";
    }

    static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
