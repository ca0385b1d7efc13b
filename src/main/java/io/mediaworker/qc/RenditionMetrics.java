package io.mediaworker.qc;

import java.util.Optional;

/** The headline numbers of one rendition, for the manifest, the status table and notifications. */
public record RenditionMetrics(
        String rendition,
        Optional<Double> ssimMean,
        Optional<Double> ssimMin,
        Optional<Double> psnrMean,
        Optional<Double> vmaf,
        Optional<Double> integratedLufs,
        Optional<Double> loudnessRangeLu,
        Optional<Double> truePeakDbtp,
        double blackSeconds,
        double frozenSeconds,
        double silentSeconds,
        double interlacedRatio,
        long bytesRead) {
}
