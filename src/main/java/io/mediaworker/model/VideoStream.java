package io.mediaworker.model;

import java.util.Optional;

/**
 * One video stream as probed. Fields a prober may not learn are Optional, never 0.
 * {@code rotation} is the display rotation in degrees clockwise, normalised to 0, 90, 180 or 270.
 */
public record VideoStream(
        int index,
        String codec,
        Optional<String> profile,
        Resolution size,
        Optional<Rational> sampleAspectRatio,
        Optional<Rational> displayAspectRatio,
        Optional<Rational> averageFrameRate,
        Optional<Rational> baseFrameRate,
        Optional<String> pixelFormat,
        Optional<Integer> bitDepth,
        Optional<String> colorRange,
        Optional<String> colorPrimaries,
        Optional<String> colorTransfer,
        Optional<String> colorMatrix,
        int rotation,
        Optional<FieldOrder> fieldOrder,
        boolean attachedPicture) {

    /** The size a viewer sees: pixel aspect applied, rotation applied. Not rounded. */
    public double displayWidth() {
        double sar = sampleAspectRatio.map(Rational::toDouble).orElse(1.0);
        return rotated() ? size.height() : size.width() * sar;
    }

    public double displayHeight() {
        double sar = sampleAspectRatio.map(Rational::toDouble).orElse(1.0);
        return rotated() ? size.width() * sar : size.height();
    }

    /** True when the picture is turned a quarter, so width and height swap on display. */
    public boolean rotated() { return rotation == 90 || rotation == 270; }

    /** Normalises a display-matrix angle (ffprobe reports counter-clockwise, e.g. -90) to 0..359 clockwise. */
    public static int normaliseRotation(double counterClockwiseDegrees) {
        long cw = Math.round(-counterClockwiseDegrees);
        int r = (int) (((cw % 360) + 360) % 360);
        return (int) (Math.round(r / 90.0) * 90) % 360;
    }
}
