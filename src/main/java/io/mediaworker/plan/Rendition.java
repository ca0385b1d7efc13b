package io.mediaworker.plan;

import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;

/**
 * One planned output: its name ("720p"), file name, exact picture size, frame rate and the rate
 * control the encoder gets (average, peak and VBV buffer in kbit/s).
 */
public record Rendition(
        String name,
        String fileName,
        Resolution size,
        Rational frameRate,
        int videoKbps,
        int maxKbps,
        int bufferKbps,
        String h264Profile) {
}
