package io.mediaworker.plan;

/** The encoder for a rung's codec on each path. */
public final class Encoders {
    private Encoders() {}

    public static VideoEncoder cpu(VideoCodec codec) {
        return codec == VideoCodec.HEVC ? new X265Encoder() : new X264Encoder();
    }

    public static VideoEncoder nvenc(VideoCodec codec) {
        return new NvencEncoder(codec);
    }
}
