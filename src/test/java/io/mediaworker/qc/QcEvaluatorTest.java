package io.mediaworker.qc;

import static io.mediaworker.testing.TestMedia.aac;
import static io.mediaworker.testing.TestMedia.mp4;
import static io.mediaworker.testing.TestMedia.stereoAac;
import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.mp4.Mp4Layout;
import io.mediaworker.mp4.TrackTiming;
import io.mediaworker.plan.AudioSpec;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import io.mediaworker.testing.TestMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A 10 s, 25 fps source with stereo audio, planned as 720p and 360p with keyframes every 2 s. Each test
 * spoils one thing in otherwise perfect measurements and expects exactly the matching checks to fail.
 */
class QcEvaluatorTest {
    private static final Rational FPS = Rational.ofInt(25);
    private static final double TOLERANCE = 0.5;
    private static final Rendition R720 = new Rendition("720p", "720p.mp4", new Resolution(1280, 720), FPS, 3000, 4500, 6000, "high");
    private static final Rendition R360 = new Rendition("360p", "360p.mp4", new Resolution(640, 360), FPS, 800, 1200, 1600, "high");
    private static final MediaInfo SOURCE = mp4(10, video(1920, 1080).build(), stereoAac(1));
    private static final Ladder WITH_AUDIO = ladder(Optional.of(1));
    private static final Ladder SILENT = ladder(Optional.empty());
    private static final List<Double> GRID = List.of(0.0, 2.0, 4.0, 6.0, 8.0);
    private static final Mp4Layout FASTSTART = layout("ftyp", "moov", "mdat");

    private static Ladder ladder(Optional<Integer> audio) {
        return new Ladder(List.of(R720, R360), FPS, 2.0, 50, 0, audio, AudioSpec.DEFAULT, "medium", List.of());
    }

    private static Mp4Layout layout(String... types) {
        List<Mp4Layout.TopBox> boxes = new ArrayList<>();
        long offset = 0;
        for (String t : types) {
            long size = t.equals("mdat") ? 1_000_000 : 1_000;
            boxes.add(new Mp4Layout.TopBox(t, offset, size));
            offset += size;
        }
        return new Mp4Layout(boxes, offset);
    }

    /** What a good encode of {@code r} measures as; {@code change} spoils one part of it. */
    private static RenditionMeasurement good(Rendition r) {
        MediaInfo probe = mp4(10.0, video(r.size().width(), r.size().height()).fps(FPS).build(), stereoAac(1));
        return new RenditionMeasurement(r, probe, true, 0, List.of(), FASTSTART,
                List.of(new TrackTiming("vide", 10.0, 250, GRID, 1), new TrackTiming("soun", 10.0, 469, List.of(), 1)));
    }

    private static RenditionMeasurement withProbe(RenditionMeasurement m, MediaInfo probe) {
        return new RenditionMeasurement(m.planned(), probe, m.decodedCompletely(), m.decodeErrors(), m.firstDecodeErrors(), m.layout(), m.tracks());
    }

    private static RenditionMeasurement withVideo(RenditionMeasurement m, UnaryOperator<TestMedia.Video> change, AudioStream... audio) {
        TestMedia.Video v = video(m.planned().size().width(), m.planned().size().height()).fps(FPS);
        return withProbe(m, mp4(10.0, change.apply(v).build(), audio));
    }

    private static RenditionMeasurement withKeyframes(RenditionMeasurement m, List<Double> times) {
        return new RenditionMeasurement(m.planned(), m.probe(), m.decodedCompletely(), m.decodeErrors(), m.firstDecodeErrors(), m.layout(),
                List.of(new TrackTiming("vide", 10.0, 250, times, 1), new TrackTiming("soun", 10.0, 469, List.of(), 1)));
    }

    /** The failed checks as "rendition: check". */
    private static List<String> failures(Ladder ladder, RenditionMeasurement... measured) {
        QcReport report = QcEvaluator.evaluate("abc", SOURCE, ladder, List.of(measured), TOLERANCE);
        List<String> failed = report.failures().stream().map(c -> c.rendition() + ": " + c.check()).toList();
        assertEquals(failed.isEmpty() ? QcReport.Verdict.PASS : QcReport.Verdict.FAIL, report.verdict());
        return failed;
    }

    @Test
    void aPerfectLadderPassesEveryCheck() {
        QcReport report = QcEvaluator.evaluate("abc", SOURCE, WITH_AUDIO, List.of(good(R720), good(R360)), TOLERANCE);
        assertEquals(QcReport.Verdict.PASS, report.verdict());
        assertEquals("abc", report.assetId());
        // Per rung: decode, codec, profile, size, rate, duration, audio present, audio format, faststart, keyframes,
        // edit lists; then one alignment check across rungs.
        assertEquals(2 * 11 + 1, report.checks().size());
        assertEquals(List.of("decodes completely", "video codec", "video profile", "picture size", "frame rate", "duration",
                "audio present", "audio format", "faststart (moov before mdat)", "keyframe interval", "edit lists"),
                report.checks().stream().filter(c -> c.rendition().equals("720p")).map(QcCheck::check).toList());
        assertEquals(List.of(), report.failures());
    }

    @Test
    void wrongPictureSizeFailsOnlyTheSizeCheck() {
        RenditionMeasurement m = withVideo(good(R720), v -> TestMedia.video(1282, 720).fps(FPS), stereoAac(1));
        assertEquals(List.of("720p: picture size"), failures(WITH_AUDIO, m, good(R360)));
        QcCheck size = QcEvaluator.evaluate("abc", SOURCE, WITH_AUDIO, List.of(m), TOLERANCE).failures().get(0);
        assertEquals("1280x720 upright", size.expected());
        assertEquals("1282x720", size.actual());
    }

    @Test
    void rotationLeftInTheOutputFailsTheSizeCheck() {
        RenditionMeasurement m = withVideo(good(R720), v -> v.rotation(90), stereoAac(1));
        assertEquals(List.of("720p: picture size"), failures(WITH_AUDIO, m, good(R360)));
    }

    @Test
    void wrongFrameRateFailsOnlyTheRateCheck() {
        RenditionMeasurement m = withVideo(good(R360), v -> v.fps(Rational.ofInt(30)), stereoAac(1));
        assertEquals(List.of("360p: frame rate"), failures(WITH_AUDIO, good(R720), m));
        // 25.1 is 0.4% off: within the 0.5% allowed for timestamp rounding.
        assertEquals(List.of(), failures(WITH_AUDIO, good(R720), withVideo(good(R360), v -> v.fps(Rational.of(251, 10)), stereoAac(1))));
    }

    @Test
    void durationBeyondTheToleranceFails() {
        RenditionMeasurement longer = withProbe(good(R720), mp4(10.6, video(1280, 720).fps(FPS).build(), stereoAac(1)));
        assertEquals(List.of("720p: duration"), failures(WITH_AUDIO, longer, good(R360)));
        RenditionMeasurement withinTolerance = withProbe(good(R720), mp4(9.6, video(1280, 720).fps(FPS).build(), stereoAac(1)));
        assertEquals(List.of(), failures(WITH_AUDIO, withinTolerance, good(R360)));
    }

    @Test
    void missingAudioFailsWhenTheSourceHadAudio() {
        RenditionMeasurement m = withVideo(good(R720), v -> v);
        assertEquals(List.of("720p: audio present"), failures(WITH_AUDIO, m, good(R360)));
    }

    @Test
    void audioFailsWhenTheSourceHadNone() {
        // Against a ladder planned without audio, the good (with-audio) renditions are wrong; silent ones pass.
        assertEquals(List.of("720p: audio present", "360p: audio present"), failures(SILENT, good(R720), good(R360)));
        assertEquals(List.of(), failures(SILENT, withVideo(good(R720), v -> v), withVideo(good(R360), v -> v)));
    }

    @Test
    void wrongAudioFormatFails() {
        RenditionMeasurement mono = withVideo(good(R720), v -> v, aac(1, 1, 48_000));
        assertEquals(List.of("720p: audio format"), failures(WITH_AUDIO, mono, good(R360)));
        RenditionMeasurement cdRate = withVideo(good(R720), v -> v, aac(1, 2, 44_100));
        assertEquals(List.of("720p: audio format"), failures(WITH_AUDIO, cdRate, good(R360)));
    }

    @Test
    void moovAfterMdatFailsFaststart() {
        RenditionMeasurement g = good(R360);
        RenditionMeasurement m = new RenditionMeasurement(R360, g.probe(), true, 0, List.of(), layout("ftyp", "mdat", "moov"), g.tracks());
        assertEquals(List.of("360p: faststart (moov before mdat)"), failures(WITH_AUDIO, good(R720), m));
    }

    @Test
    void keyframeOffTheGridFails() {
        // 3.0 s is a whole second from the grid; both rungs share it so they stay aligned with each other.
        List<Double> times = List.of(0.0, 2.0, 3.0, 4.0, 6.0, 8.0);
        assertEquals(List.of("720p: keyframe interval", "360p: keyframe interval"),
                failures(WITH_AUDIO, withKeyframes(good(R720), times), withKeyframes(good(R360), times)));
        QcCheck c = QcEvaluator.keyframeInterval("720p", WITH_AUDIO, withKeyframes(good(R720), times));
        assertEquals("extra keyframe at 3.000 s", c.actual());
        // One frame late (2.04 s at 25 fps) is still on the grid; two frames late (2.08 s) is not.
        assertTrue(QcEvaluator.keyframeInterval("720p", WITH_AUDIO, withKeyframes(good(R720), List.of(0.0, 2.04, 4.0, 6.0, 8.0))).passed());
        assertEquals("extra keyframe at 2.080 s; no keyframe at 2.000 s", QcEvaluator.keyframeInterval("720p", WITH_AUDIO,
                withKeyframes(good(R720), List.of(0.0, 2.08, 4.0, 6.0, 8.0))).actual());
    }

    @Test
    void missingKeyframeOnTheGridFails() {
        List<Double> times = List.of(0.0, 2.0, 6.0, 8.0);
        assertEquals(List.of("720p: keyframe interval", "360p: keyframe interval"),
                failures(WITH_AUDIO, withKeyframes(good(R720), times), withKeyframes(good(R360), times)));
        assertEquals("no keyframe at 4.000 s", QcEvaluator.keyframeInterval("720p", WITH_AUDIO, withKeyframes(good(R720), times)).actual());
        // The last grid point 10.0 s is past the last frame (9.96 s): no keyframe is owed there.
        assertTrue(QcEvaluator.keyframeInterval("720p", WITH_AUDIO, good(R720)).passed());
        assertEquals("no keyframes", QcEvaluator.keyframeInterval("720p", WITH_AUDIO, withKeyframes(good(R720), List.of())).actual());
    }

    @Test
    void keyframesAtDifferentTimesInDifferentRungsFailAlignment() {
        // 4.04 s is within a frame of the grid, so each rung passes on its own, but a player switching at 4 s would not.
        RenditionMeasurement late = withKeyframes(good(R360), List.of(0.0, 2.0, 4.04, 6.0, 8.0));
        assertEquals(List.of("*: keyframes aligned across rungs"), failures(WITH_AUDIO, good(R720), late));
        // A 0.5 ms difference is MP4 timescale rounding, not misalignment.
        assertEquals(List.of(), failures(WITH_AUDIO, good(R720), withKeyframes(good(R360), List.of(0.0, 2.0005, 4.0, 6.0, 8.0))));
        // A single rendition has nothing to align with.
        assertEquals(List.of(), failures(WITH_AUDIO, good(R720)));
    }

    @Test
    void decodeErrorsFailTheDecodeCheck() {
        RenditionMeasurement g = good(R720);
        RenditionMeasurement errors = new RenditionMeasurement(R720, g.probe(), true, 3,
                List.of("[h264 @ 0x1] error while decoding MB 10 4"), g.layout(), g.tracks());
        assertEquals(List.of("720p: decodes completely"), failures(WITH_AUDIO, errors, good(R360)));
        assertEquals("3 decode errors ([h264 @ 0x1] error while decoding MB 10 4)",
                QcEvaluator.evaluate("abc", SOURCE, WITH_AUDIO, List.of(errors), TOLERANCE).failures().get(0).actual());
    }

    @Test
    void anAbortedDecodeFailsEvenWithoutCountedErrors() {
        RenditionMeasurement g = good(R720);
        RenditionMeasurement aborted = new RenditionMeasurement(R720, g.probe(), false, 0, List.of(), g.layout(), g.tracks());
        assertEquals(List.of("720p: decodes completely"), failures(WITH_AUDIO, aborted, good(R360)));
        assertEquals("decode aborted", QcEvaluator.evaluate("abc", SOURCE, WITH_AUDIO, List.of(aborted), TOLERANCE).failures().get(0).actual());
    }

    @Test
    void aProfileAboveThePlannedOneFailsALowerOnePasses() {
        // The planned profile is a ceiling: High 10 needs decoders a High plan does not promise; Main plays anywhere High does.
        RenditionMeasurement above = withVideo(good(R720), v -> v.profile("High 10"), stereoAac(1));
        assertEquals(List.of("720p: video profile"), failures(WITH_AUDIO, above, good(R360)));
        RenditionMeasurement below = withVideo(good(R720), v -> v.profile("Main"), stereoAac(1));
        assertEquals(List.of(), failures(WITH_AUDIO, below, good(R360)));
        // A "Constrained Baseline" stream satisfies a baseline plan.
        Rendition baseline = new Rendition("360p", "360p.mp4", new Resolution(640, 360), FPS, 800, 1200, 1600, "baseline");
        RenditionMeasurement constrained = withVideo(new RenditionMeasurement(baseline, good(R360).probe(), true, 0, List.of(),
                FASTSTART, good(R360).tracks()), v -> v.profile("Constrained Baseline"), stereoAac(1));
        assertEquals(List.of(), failures(new Ladder(List.of(R720, baseline), FPS, 2.0, 50, 0, Optional.of(1), AudioSpec.DEFAULT,
                "medium", List.of()), good(R720), constrained));
    }

    @Test
    void anotherCodecFailsTheCodecCheck() {
        RenditionMeasurement m = withVideo(good(R720), v -> v.codec("hevc").profile("High"), stereoAac(1));
        assertEquals(List.of("720p: video codec"), failures(WITH_AUDIO, m, good(R360)));
    }
}
