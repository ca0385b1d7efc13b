package io.mediaworker.qc;

import java.util.List;
import java.util.Optional;

/**
 * Silent runs and EBU R128 figures from one audio analysis log: integrated loudness (LUFS),
 * loudness range (LU) and true peak (dBTP). Loudness is empty for audio too short to measure
 * (EBU R128 gates on 400 ms blocks; under 3 s the integrated value means little).
 */
public record AudioAnalysis(List<Segment> silence, Optional<Double> integratedLufs, Optional<Double> loudnessRangeLu,
                            Optional<Double> truePeakDbtp, double endSeconds) {
    static final double MIN_MEASURABLE_SECONDS = 3.0;

    public AudioAnalysis {
        silence = List.copyOf(silence);
    }

    public static AudioAnalysis of(List<MetadataLog.Frame> frames) {
        double end = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).time() + 0.1; // ebur128 frames are 100 ms
        List<Segment> silence = VideoAnalysis.segments(frames, "lavfi.silence_start", "lavfi.silence_end", end);
        if (frames.isEmpty() || end < MIN_MEASURABLE_SECONDS) return new AudioAnalysis(silence, Optional.empty(), Optional.empty(), Optional.empty(), end);
        MetadataLog.Frame last = frames.get(frames.size() - 1);
        double peakLinear = frames.stream().mapToDouble(f -> f.number("lavfi.r128.true_peak", 0)).max().orElse(0);
        Optional<Double> peak = peakLinear > 0 ? Optional.of(20 * Math.log10(peakLinear)) : Optional.empty();
        return new AudioAnalysis(silence, Optional.of(last.number("lavfi.r128.I", -70)), Optional.of(last.number("lavfi.r128.LRA", 0)), peak, end);
    }
}
