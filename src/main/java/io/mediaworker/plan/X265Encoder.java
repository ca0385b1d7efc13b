package io.mediaworker.plan;

import java.util.List;

/** libx265 on the CPU, with the same ladder contract as {@link X264Encoder}; tagged hvc1 for Apple players. */
public final class X265Encoder implements VideoEncoder {

    @Override public String ffmpegName() { return "libx265"; }

    @Override public String finalFilters() { return "format=yuv420p"; }

    @Override
    public List<String> videoOptions(Rendition r, Ladder ladder) {
        String gop = Integer.toString(ladder.gopFrames());
        return List.of(
                "-c:v", ffmpegName(),
                "-preset", ladder.preset(),
                "-profile:v", r.profile(),
                "-tag:v", "hvc1",
                "-b:v", r.videoKbps() + "k",
                "-maxrate", r.maxKbps() + "k",
                "-bufsize", r.bufferKbps() + "k",
                "-g", gop,
                "-keyint_min", gop,
                "-force_key_frames", X264Encoder.keyframeExpression(ladder),
                // x265 takes GOP structure from its own parameters; it also logs to stderr unless told not to.
                "-x265-params", "scenecut=0:open-gop=0:log-level=error");
    }
}
