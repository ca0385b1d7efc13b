package io.mediaworker.plan;

import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;

/**
 * One planned output: its name ("720p"), file name, exact picture size, frame rate and the rate
 * control the encoder gets (average, peak and VBV buffer in kbit/s), codec and codec profile.
 */
public record Rendition(
        String name,
        String fileName,
        Resolution size,
        Rational frameRate,
        int videoKbps,
        int maxKbps,
        int bufferKbps,
        String profile,
        VideoCodec codec) {

    /** An H.264 rendition. */
    public Rendition(String name, String fileName, Resolution size, Rational frameRate, int videoKbps, int maxKbps,
                     int bufferKbps, String profile) {
        this(name, fileName, size, frameRate, videoKbps, maxKbps, bufferKbps, profile, VideoCodec.H264);
    }
}
