package io.mediaworker.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A 10 s rendition "360p" measured perfect (SSIM 0.99, PSNR 40 dB, -23 LUFS, -3 dBTP, progressive);
 * each test spoils one measurement and expects exactly the matching findings under {@link QcPolicy#DEFAULT}:
 * black warn above 0.5 s, fail above 2 s; freeze 1 / 2 s; silence 1 / 3 s; edges 1 s.
 */
class PolicyEvaluatorTest {
    private static final QcPolicy P = QcPolicy.DEFAULT;
    private static final PolicyEvaluator.SourceAnalysis CLEAN = PolicyEvaluator.SourceAnalysis.NONE;

    private static VideoAnalysis video(List<Segment> black, List<Segment> frozen, double interlaced) {
        return new VideoAnalysis(black, frozen, interlaced, 250, 10.0);
    }

    private static AudioAnalysis audio(List<Segment> silence, double lufs, double peak) {
        return new AudioAnalysis(silence, Optional.of(lufs), Optional.of(3.0), Optional.of(peak), 10.0);
    }

    /** 250 frames at 25 fps, every one at {@code ssim} and {@code psnr}. */
    private static QualityAnalysis quality(double ssim, double psnr) {
        List<Double> t = new ArrayList<>(), s = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            t.add(i / 25.0);
            s.add(ssim);
            p.add(psnr);
        }
        return new QualityAnalysis(t, s, p, s.stream().mapToDouble(d -> d).average(), p.stream().mapToDouble(d -> d).average(),
                s.stream().mapToDouble(d -> d).min(), Optional.empty(), "unavailable");
    }

    private static PolicyEvaluator.Measured measured(VideoAnalysis v, AudioAnalysis a, QualityAnalysis q) {
        return new PolicyEvaluator.Measured("360p", v, Optional.of(a), q, 10.0);
    }

    private static final VideoAnalysis GOOD_VIDEO = video(List.of(), List.of(), 0);
    private static final AudioAnalysis GOOD_AUDIO = audio(List.of(), -23, -3);
    private static final QualityAnalysis GOOD_QUALITY = quality(0.99, 40);

    /** Findings as "SEVERITY rule". */
    private static List<String> judged(PolicyEvaluator.Measured m, PolicyEvaluator.SourceAnalysis source, QcPolicy policy) {
        return PolicyEvaluator.evaluate(m, source, policy).stream().map(f -> f.severity() + " " + f.rule()).toList();
    }

    private static List<String> judged(PolicyEvaluator.Measured m) {
        return judged(m, CLEAN, P);
    }

    @Test
    void perfectMeasurementsHaveNoFindings() {
        assertEquals(List.of(), judged(measured(GOOD_VIDEO, GOOD_AUDIO, GOOD_QUALITY)));
    }

    @Test
    void blackRunBoundaries() {
        assertEquals(List.of(), judged(measured(video(List.of(new Segment(4, 4.5)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY)), "0.5 s is allowed");
        assertEquals(List.of("WARNING black"), judged(measured(video(List.of(new Segment(4, 4.6)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY)));
        assertEquals(List.of("WARNING black"), judged(measured(video(List.of(new Segment(4, 6)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY)), "2.0 s warns");
        List<Finding> f = PolicyEvaluator.evaluate(measured(video(List.of(new Segment(3, 6.04)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY), CLEAN, P);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Finding.Severity.FAILURE, f.get(0).severity());
        assertEquals(Optional.of(new Segment(3, 6.04)), f.get(0).range());
        assertEquals(3.04, f.get(0).measured(), 1e-9);
        assertEquals(2.0, f.get(0).limit());
    }

    @Test
    void aBlackRunIsNotAlsoAFreezeNorAQualityDrop() {
        // Black frames are alike, so freezedetect reports them too; and they score near 0 SSIM against the source.
        List<Double> t = new ArrayList<>(), s = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            double time = i / 25.0;
            boolean black = time >= 3 && time < 6;
            t.add(time);
            s.add(black ? 0.1 : 0.99);
            p.add(black ? 8.0 : 40.0);
        }
        QualityAnalysis q = new QualityAnalysis(t, s, p, s.stream().mapToDouble(d -> d).average(), p.stream().mapToDouble(d -> d).average(),
                s.stream().mapToDouble(d -> d).min(), Optional.empty(), "unavailable");
        VideoAnalysis v = video(List.of(new Segment(3, 6.04)), List.of(new Segment(3, 6.04)), 0);
        assertEquals(List.of("FAILURE black"), judged(measured(v, GOOD_AUDIO, q)));
        // Without the black run reported, the same curves fail quality.
        assertEquals(List.of("FAILURE ssim", "WARNING psnr"), judged(measured(GOOD_VIDEO, GOOD_AUDIO, q)));
    }

    @Test
    void freezeAndSilenceBoundaries() {
        assertEquals(List.of(), judged(measured(video(List.of(), List.of(new Segment(4, 5)), 0), GOOD_AUDIO, GOOD_QUALITY)));
        assertEquals(List.of("WARNING freeze"), judged(measured(video(List.of(), List.of(new Segment(4, 5.5)), 0), GOOD_AUDIO, GOOD_QUALITY)));
        assertEquals(List.of("FAILURE freeze"), judged(measured(video(List.of(), List.of(new Segment(3, 5.1)), 0), GOOD_AUDIO, GOOD_QUALITY)));
        assertEquals(List.of(), judged(measured(GOOD_VIDEO, audio(List.of(new Segment(4, 5)), -23, -3), GOOD_QUALITY)));
        assertEquals(List.of("WARNING silence"), judged(measured(GOOD_VIDEO, audio(List.of(new Segment(4, 7)), -23, -3), GOOD_QUALITY)), "3.0 s warns");
        assertEquals(List.of("FAILURE silence"), judged(measured(GOOD_VIDEO, audio(List.of(new Segment(3, 7)), -23, -3), GOOD_QUALITY)));
    }

    @Test
    void runsInTheFirstAndLastSecondAreAllowed() {
        // 10 s: black 0..1.4 leaves 0.4 s past the edge (allowed); 8.0..10 leaves 8..9 = 1 s (a warning, not a failure).
        assertEquals(List.of(), judged(measured(video(List.of(new Segment(0, 1.4)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY)));
        List<Finding> f = PolicyEvaluator.evaluate(measured(video(List.of(new Segment(7.5, 10)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY), CLEAN, P);
        assertEquals(List.of("WARNING black"), f.stream().map(x -> x.severity() + " " + x.rule()).toList());
        assertEquals(Optional.of(new Segment(7.5, 9)), f.get(0).range());
        QcPolicy noEdges = new QcPolicy(0, P.blackSeconds(), P.freezeSeconds(), P.silenceSeconds(), P.loudness(), P.truePeakDbtp(), P.ssim(),
                P.psnr(), P.vmaf(), P.perRung(), P.interlacedRatio(), P.durationToleranceSeconds());
        assertEquals(List.of("FAILURE black"), judged(measured(video(List.of(new Segment(7.5, 10)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY), CLEAN, noEdges));
    }

    @Test
    void whatTheSourceHadIsSubtractedWithAMargin() {
        PolicyEvaluator.SourceAnalysis source = new PolicyEvaluator.SourceAnalysis(List.of(new Segment(3.1, 6.0)), List.of(new Segment(3.1, 6.0)),
                List.of(new Segment(2, 8)));
        VideoAnalysis v = video(List.of(new Segment(3.0, 6.04)), List.of(new Segment(3.0, 6.04)), 0);
        assertEquals(List.of(), judged(measured(v, audio(List.of(new Segment(2.02, 7.98)), -23, -3), GOOD_QUALITY), source, P),
                "edges within 0.25 s of the source's are the source's");
        // The rendition's run longer than the source's by more than the margin: only the added part counts.
        List<Finding> f = PolicyEvaluator.evaluate(measured(video(List.of(new Segment(3.0, 8.0)), List.of(), 0), GOOD_AUDIO, GOOD_QUALITY), source, P);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Finding.Severity.WARNING, f.get(0).severity(), "only 6.25..8 is the rendition's own: 1.75 s, a warning");
        assertEquals(6.25, f.get(0).range().orElseThrow().start(), 1e-9);
    }

    @Test
    void loudnessAndTruePeak() {
        assertEquals(List.of(), judged(measured(GOOD_VIDEO, audio(List.of(), -21, -3), GOOD_QUALITY)), "-21 is within 2 LU of -23");
        assertEquals(List.of("WARNING loudness"), judged(measured(GOOD_VIDEO, audio(List.of(), -20.9, -3), GOOD_QUALITY)));
        assertEquals(List.of("WARNING loudness"), judged(measured(GOOD_VIDEO, audio(List.of(), -38, -3), GOOD_QUALITY)), "-38 is the failure floor itself");
        assertEquals(List.of("FAILURE loudness"), judged(measured(GOOD_VIDEO, audio(List.of(), -40, -3), GOOD_QUALITY)));
        assertEquals(List.of("FAILURE loudness"), judged(measured(GOOD_VIDEO, audio(List.of(), -4.9, -3), GOOD_QUALITY)));
        assertEquals(List.of(), judged(measured(GOOD_VIDEO, audio(List.of(), -23, -1), GOOD_QUALITY)));
        assertEquals(List.of("WARNING true-peak"), judged(measured(GOOD_VIDEO, audio(List.of(), -23, -0.5), GOOD_QUALITY)));
        assertEquals(List.of("FAILURE true-peak"), judged(measured(GOOD_VIDEO, audio(List.of(), -23, 2.1), GOOD_QUALITY)));
        Finding f = PolicyEvaluator.evaluate(measured(GOOD_VIDEO, audio(List.of(), -40, -3), GOOD_QUALITY), CLEAN, P).get(0);
        assertEquals(-40, f.measured());
        assertEquals(-38, f.limit());
    }

    @Test
    void qualityFloorsPerRung() {
        assertEquals(List.of(), judged(measured(GOOD_VIDEO, GOOD_AUDIO, quality(0.9301, 32))), "at the warning floors (summing 250 x 0.93 may land a hair below)");
        assertEquals(List.of("WARNING ssim", "WARNING psnr"), judged(measured(GOOD_VIDEO, GOOD_AUDIO, quality(0.92, 31))));
        assertEquals(List.of("WARNING ssim", "WARNING psnr"), judged(measured(GOOD_VIDEO, GOOD_AUDIO, quality(0.8501, 26))), "at the failure floors");
        assertEquals(List.of("FAILURE ssim", "FAILURE psnr"), judged(measured(GOOD_VIDEO, GOOD_AUDIO, quality(0.84, 25))));
        QcPolicy lowRung = new QcPolicy(P.edgeSeconds(), P.blackSeconds(), P.freezeSeconds(), P.silenceSeconds(), P.loudness(), P.truePeakDbtp(),
                P.ssim(), P.psnr(), P.vmaf(),
                Map.of("360p", new QcPolicy.RungFloors(Optional.of(new QcPolicy.Floor(0.8, 0.7)), Optional.empty(), Optional.empty())),
                P.interlacedRatio(), P.durationToleranceSeconds());
        assertEquals(List.of("FAILURE psnr"), judged(measured(GOOD_VIDEO, GOOD_AUDIO, quality(0.84, 25)), CLEAN, lowRung),
                "360p's own SSIM floor, the ladder's PSNR floor");
    }

    @Test
    void interlaceWarnsAndNeverFailsByDefault() {
        assertEquals(List.of(), judged(measured(video(List.of(), List.of(), 0.10), GOOD_AUDIO, GOOD_QUALITY)));
        assertEquals(List.of("WARNING interlace"), judged(measured(video(List.of(), List.of(), 1.0), GOOD_AUDIO, GOOD_QUALITY)));
    }
}
