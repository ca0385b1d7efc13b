package io.mediaworker.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * One rung a profile asks for. {@code height} names the rung as "720p" does: the picture's short
 * side, so a portrait 720p rung is 720 wide. Peak rate defaults to 1.5x the average, the buffer to
 * 2x the average; the codec to H.264.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RungSpec(int height, int videoKbps, Optional<Integer> maxKbps, Optional<Integer> bufferKbps, Optional<String> profile,
                       Optional<VideoCodec> codec) {

    public RungSpec {
        if (height < 16 || height > 8640) throw new IllegalArgumentException("rung height must be 16..8640, not " + height);
        if (videoKbps < 50) throw new IllegalArgumentException("rung videoKbps must be at least 50, not " + videoKbps);
        maxKbps = maxKbps == null ? Optional.empty() : maxKbps;
        bufferKbps = bufferKbps == null ? Optional.empty() : bufferKbps;
        profile = profile == null ? Optional.empty() : profile;
        codec = codec == null ? Optional.empty() : codec;
    }

    public static RungSpec of(int height, int videoKbps) {
        return new RungSpec(height, videoKbps, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public int peakKbps() { return maxKbps.orElse(videoKbps * 3 / 2); }

    public int bufferSizeKbps() { return bufferKbps.orElse(videoKbps * 2); }

    public VideoCodec videoCodec() { return codec.orElse(VideoCodec.H264); }

    /** The codec profile: as given, else high for H.264 and main for HEVC. */
    public String videoProfile() { return profile.orElse(videoCodec().defaultProfile()); }
}
