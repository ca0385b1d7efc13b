package io.mediaworker.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Per-frame SSIM and PSNR of a rendition against the prepared source, with their means and worst frames. */
public record QualityAnalysis(List<Double> times, List<Double> ssim, List<Double> psnr, OptionalDouble ssimMean,
                              OptionalDouble psnrMean, OptionalDouble ssimMin, Optional<Double> vmaf, String vmafStatus) {
    /** PSNR of identical frames is infinite; cap it so means and plots stay finite. */
    static final double PSNR_CAP = 100.0;

    public QualityAnalysis {
        times = List.copyOf(times);
        ssim = List.copyOf(ssim);
        psnr = List.copyOf(psnr);
    }

    public static QualityAnalysis of(List<MetadataLog.Frame> frames, Optional<Double> vmaf, String vmafStatus) {
        List<Double> times = new ArrayList<>(), ssim = new ArrayList<>(), psnr = new ArrayList<>();
        for (MetadataLog.Frame f : frames) {
            if (!f.values().containsKey("lavfi.ssim.All")) continue;
            times.add(f.time());
            ssim.add(f.number("lavfi.ssim.All", 0));
            double p = f.values().getOrDefault("lavfi.psnr.psnr_avg", "inf").startsWith("inf") ? PSNR_CAP : f.number("lavfi.psnr.psnr_avg", 0);
            psnr.add(Math.min(p, PSNR_CAP));
        }
        return new QualityAnalysis(times, ssim, psnr, ssim.stream().mapToDouble(d -> d).average(),
                psnr.stream().mapToDouble(d -> d).average(), ssim.stream().mapToDouble(d -> d).min(), vmaf, vmafStatus);
    }
}
