package io.mediaworker.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a rendition's content analysis into findings under a {@link QcPolicy}. Pure. Black,
 * frozen and silent runs are blamed on the rendition only where the source had none (with a
 * small margin for detector jitter) and only outside the first and last {@code edgeSeconds};
 * loudness and peak are judged as measured, SSIM and PSNR over the frames outside the black and
 * frozen runs reported here, so that each defect is reported once, under the rule that names it.
 */
public final class PolicyEvaluator {
    /** Detector edges move by a frame or two between source and rendition. */
    static final double SOURCE_MARGIN_SECONDS = 0.25;

    /** What was measured of one rendition, and of the source once. */
    public record Measured(String rendition, VideoAnalysis video, Optional<AudioAnalysis> audio, QualityAnalysis quality,
                           double durationSeconds) {}

    /**
     * The source's own runs, and how interlaced idet judged it; {@code deinterlaced} when the
     * transcode deinterlaced it (then any interlacing left in a rendition is the transcode's fault).
     */
    public record SourceAnalysis(List<Segment> black, List<Segment> frozen, List<Segment> silence, double interlacedRatio,
                                 boolean deinterlaced) {
        public static final SourceAnalysis NONE = new SourceAnalysis(List.of(), List.of(), List.of());

        public SourceAnalysis(List<Segment> black, List<Segment> frozen, List<Segment> silence) {
            this(black, frozen, silence, 0, false);
        }
    }

    private PolicyEvaluator() {}

    public static List<Finding> evaluate(Measured m, SourceAnalysis source, QcPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        double from = policy.edgeSeconds(), to = m.durationSeconds() - policy.edgeSeconds();
        List<Segment> reported = new ArrayList<>();
        reported.addAll(runs(findings, "black", m.rendition(), m.video().black(), source.black(), from, to, policy.blackSeconds(), "black picture"));
        // A black stretch is also a frozen one (every frame alike): blame it once, as black.
        List<Segment> frozen = Segment.subtract(m.video().frozen(), Segment.widen(m.video().black(), SOURCE_MARGIN_SECONDS));
        reported.addAll(runs(findings, "freeze", m.rendition(), frozen, source.frozen(), from, to, policy.freezeSeconds(), "frozen picture"));
        m.audio().ifPresent(a -> {
            runs(findings, "silence", m.rendition(), a.silence(), source.silence(), from, to, policy.silenceSeconds(), "silence");
            a.integratedLufs().ifPresent(lufs -> loudness(findings, m.rendition(), lufs, policy.loudness()));
            a.truePeakDbtp().ifPresent(peak -> above(findings, "true-peak", m.rendition(), peak, policy.truePeakDbtp(),
                    "true peak %.1f dBTP above %.1f dBTP"));
        });
        // Frames inside a black or frozen run already reported are left out of the quality means:
        // otherwise one defect fails twice (a 3 s black run alone pulls a 10 s mean SSIM from 0.99 to 0.75).
        QualityAnalysis q = m.quality();
        mean(q.times(), q.ssim(), reported).ifPresent(v -> below(findings, "ssim", m.rendition(), v, policy.ssimFor(m.rendition()), "mean SSIM %.4f below %.4f"));
        mean(q.times(), q.psnr(), reported).ifPresent(v -> below(findings, "psnr", m.rendition(), v, policy.psnrFor(m.rendition()), "mean PSNR %.2f dB below %.2f dB"));
        q.vmaf().ifPresent(v -> below(findings, "vmaf", m.rendition(), v, policy.vmafFor(m.rendition()), "VMAF %.1f below %.1f"));
        // idet misjudges some progressive content (synthetic patterns, animation): unless the transcode
        // deinterlaced the source, a rendition is blamed only for interlacing beyond the source's own score.
        double interlaced = source.deinterlaced() ? m.video().interlacedRatio()
                : Math.max(0, m.video().interlacedRatio() - source.interlacedRatio());
        above(findings, "interlace", m.rendition(), interlaced, policy.interlacedRatio(),
                source.deinterlaced() ? "%.2f of frames still look interlaced after deinterlacing, above %.2f"
                        : "%.2f more of the frames look interlaced than in the source, above %.2f");
        return findings;
    }

    /** The mean of the per-frame values whose times lie outside {@code excluded}; empty when no frame is left. */
    static OptionalDouble mean(List<Double> times, List<Double> values, List<Segment> excluded) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < Math.min(times.size(), values.size()); i++) {
            double t = times.get(i);
            if (excluded.stream().anyMatch(s -> t >= s.start() && t < s.end())) continue;
            sum += values.get(i);
            n++;
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }

    /** Each run the rendition added, outside the edges, longer than the warning level; returns the runs reported. */
    private static List<Segment> runs(List<Finding> out, String rule, String rendition, List<Segment> measured, List<Segment> inSource,
                             double from, double to, QcPolicy.Threshold limit, String what) {
        List<Segment> added = Segment.clip(Segment.subtract(measured, Segment.widen(inSource, SOURCE_MARGIN_SECONDS)), from, to);
        List<Segment> reported = new ArrayList<>();
        for (Segment s : added) {
            if (s.duration() <= limit.warn()) continue;
            reported.add(s);
            boolean fail = s.duration() > limit.fail();
            double bound = fail ? limit.fail() : limit.warn();
            out.add(new Finding(rule, rendition, fail ? Finding.Severity.FAILURE : Finding.Severity.WARNING, Optional.of(s), s.duration(),
                    bound, String.format(Locale.ROOT, "%.2f s of %s from %.2f s to %.2f s (longer than %.2f s)", s.duration(), what,
                            s.start(), s.end(), bound)));
        }
        return reported;
    }

    private static void loudness(List<Finding> out, String rendition, double lufs, QcPolicy.Loudness l) {
        if (lufs < l.failBelow() || lufs > l.failAbove()) {
            double bound = lufs < l.failBelow() ? l.failBelow() : l.failAbove();
            out.add(new Finding("loudness", rendition, Finding.Severity.FAILURE, Optional.empty(), lufs, bound,
                    String.format(Locale.ROOT, "integrated loudness %.1f LUFS is %s %.1f LUFS", lufs, lufs < bound ? "below" : "above", bound)));
        } else if (Math.abs(lufs - l.target()) > l.warnTolerance()) {
            out.add(new Finding("loudness", rendition, Finding.Severity.WARNING, Optional.empty(), lufs, l.target(),
                    String.format(Locale.ROOT, "integrated loudness %.1f LUFS is off the %.1f LUFS target by more than %.1f LU", lufs,
                            l.target(), l.warnTolerance())));
        }
    }

    private static void above(List<Finding> out, String rule, String rendition, double v, QcPolicy.Threshold t, String format) {
        if (v <= t.warn()) return;
        boolean fail = v > t.fail();
        double bound = fail ? t.fail() : t.warn();
        out.add(new Finding(rule, rendition, fail ? Finding.Severity.FAILURE : Finding.Severity.WARNING, Optional.empty(), v, bound,
                String.format(Locale.ROOT, format, v, bound)));
    }

    private static void below(List<Finding> out, String rule, String rendition, double v, QcPolicy.Floor f, String format) {
        if (v >= f.warn()) return;
        boolean fail = v < f.fail();
        double bound = fail ? f.fail() : f.warn();
        out.add(new Finding(rule, rendition, fail ? Finding.Severity.FAILURE : Finding.Severity.WARNING, Optional.empty(), v, bound,
                String.format(Locale.ROOT, format, v, bound)));
    }
}
