package io.mediaworker.plan;

import java.util.List;

/**
 * NVENC (h264_nvenc, hevc_nvenc): capped VBR with the same average, peak and buffer as the CPU
 * path, the same fixed GOP with keyframes forced at the same timestamps (as IDR frames), no
 * scene-cut keyframes, closed GOPs. Preset p5 with the high-quality tuning: a batch worker trades
 * a little speed for bits.
 */
public final class NvencEncoder implements VideoEncoder {
    private final VideoCodec codec;

    public NvencEncoder(VideoCodec codec) {
        this.codec = codec;
    }

    @Override public String ffmpegName() { return codec == VideoCodec.HEVC ? "hevc_nvenc" : "h264_nvenc"; }

    /** Frames arrive either as CUDA frames (GPU decode and scale) or in system memory (NVENC uploads them). */
    @Override public String finalFilters() { return ""; }

    @Override
    public List<String> videoOptions(Rendition r, Ladder ladder) {
        String gop = Integer.toString(ladder.gopFrames());
        List<String> common = List.of(
                "-c:v", ffmpegName(),
                "-preset", "p5",
                "-tune", "hq",
                "-profile:v", r.profile(),
                "-rc", "vbr",
                "-b:v", r.videoKbps() + "k",
                "-maxrate", r.maxKbps() + "k",
                "-bufsize", r.bufferKbps() + "k",
                "-g", gop,
                "-forced-idr", "1",
                "-no-scenecut", "1",
                "-flags", "+cgop",
                "-force_key_frames", X264Encoder.keyframeExpression(ladder));
        if (codec != VideoCodec.HEVC) return common;
        List<String> hevc = new java.util.ArrayList<>(common);
        hevc.addAll(List.of("-tag:v", "hvc1"));
        return hevc;
    }
}
