package io.mediaworker.qc;

import java.util.Map;
import java.util.Optional;

/**
 * Every QC threshold, each as a warning level and a failure level: only failures gate delivery.
 * Durations are in seconds; runs of black, freeze and silence count only outside the first and
 * last {@code edgeSeconds} and only where the source did not already have them.
 * {@link #DEFAULT} is the built-in policy (EBU R128 broadcast loudness); a JSON file replaces it.
 */
public record QcPolicy(
        double edgeSeconds,
        Threshold blackSeconds,
        Threshold freezeSeconds,
        Threshold silenceSeconds,
        Loudness loudness,
        Threshold truePeakDbtp,
        Floor ssim,
        Floor psnr,
        Floor vmaf,
        Map<String, RungFloors> perRung,
        Threshold interlacedRatio,
        double durationToleranceSeconds) {

    /** Bad when the measured value is above: warn above {@code warn}, fail above {@code fail}. */
    public record Threshold(double warn, double fail) {}

    /** Bad when the measured value is below: warn below {@code warn}, fail below {@code fail}. */
    public record Floor(double warn, double fail) {}

    /**
     * Integrated loudness: a warning outside {@code target ± warnTolerance}; a failure below
     * {@code failBelow} or above {@code failAbove}, levels no mix is meant to have.
     */
    public record Loudness(double target, double warnTolerance, double failBelow, double failAbove) {}

    /** Quality floors for one rung, replacing the ladder-wide ones. */
    public record RungFloors(Optional<Floor> ssim, Optional<Floor> psnr, Optional<Floor> vmaf) {}

    public static final QcPolicy DEFAULT = new QcPolicy(
            1.0,
            new Threshold(0.5, 2.0),
            new Threshold(1.0, 2.0),
            new Threshold(1.0, 3.0),
            new Loudness(-23.0, 2.0, -38.0, -5.0),
            new Threshold(-1.0, 2.0),
            new Floor(0.93, 0.85),
            new Floor(32.0, 26.0),
            new Floor(80.0, 60.0),
            Map.of(),
            new Threshold(0.10, 1.0),
            0.5);

    public Floor ssimFor(String rung) {
        return Optional.ofNullable(perRung.get(rung)).flatMap(RungFloors::ssim).orElse(ssim);
    }

    public Floor psnrFor(String rung) {
        return Optional.ofNullable(perRung.get(rung)).flatMap(RungFloors::psnr).orElse(psnr);
    }

    public Floor vmafFor(String rung) {
        return Optional.ofNullable(perRung.get(rung)).flatMap(RungFloors::vmaf).orElse(vmaf);
    }
}
