package io.mediaworker.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The parsers against real {@code metadata=mode=print} output of ffmpeg 5.1: an 8 s 25 fps clip
 * black from 2 s to 3 s, frozen from 5.0 s (frames 125..162), silent from 5 s to 6 s. Detector
 * edges are asserted within a frame or two (0.05 s for video, 0.02 s for audio), the planted times being exact.
 */
class MetadataLogTest {
    private static final double FRAME = 1 / 25.0;

    @Test
    void readsEveryFrameWithItsTimeAndValues() {
        List<MetadataLog.Frame> frames = Recorded.frames("video-black-freeze-idet");
        assertEquals(200, frames.size(), "8 s at 25 fps");
        assertEquals(0.0, frames.get(0).time());
        assertEquals(7.96, frames.get(199).time(), 1e-9);
        assertEquals("tff", frames.get(199).values().get("lavfi.idet.multiple.current_frame"));
        assertEquals(-1.0, frames.get(0).number("no.such.key", -1.0));
    }

    @Test
    void blackAndFrozenRunsFromTheRecordedVideoLog() {
        VideoAnalysis v = VideoAnalysis.of(Recorded.frames("video-black-freeze-idet"), FRAME);
        assertEquals(1, v.black().size(), v.toString());
        assertSegment(2.0, 3.0, v.black().get(0), 0.05);
        // The black stretch is a frozen one too; then the planted freeze, 5.0 s to 6.48 s (its end is the next frame).
        assertEquals(2, v.frozen().size(), v.toString());
        assertSegment(2.0, 3.0, v.frozen().get(0), 0.05);
        assertSegment(5.0, 6.5, v.frozen().get(1), 0.05);
        assertEquals(8.0, v.endSeconds(), 1e-9);
        assertEquals(200, v.frames());
        // idet's running totals on the last frame: testsrc2 looks interlaced to idet (tff 125, bff 36, progressive 39).
        assertEquals((125.0 + 36) / 200, v.interlacedRatio(), 1e-9);
    }

    @Test
    void silenceAndLoudnessFromTheRecordedAudioLog() {
        AudioAnalysis a = AudioAnalysis.of(Recorded.frames("audio-ebur128-silence"));
        assertEquals(1, a.silence().size(), a.toString());
        assertSegment(5.0, 6.0, a.silence().get(0), 0.02);
        assertEquals(-21.964, a.integratedLufs().orElseThrow(), 1e-9, "the last frame's running integrated loudness");
        assertEquals(1.77, a.loudnessRangeLu().orElseThrow(), 1e-9);
        assertEquals(20 * Math.log10(0.157), a.truePeakDbtp().orElseThrow(), 1e-9, "linear true peak as dBTP");
        assertEquals(8.0, a.endSeconds(), 1e-9);
    }

    @Test
    void audioShorterThanThreeSecondsHasNoLoudness() {
        AudioAnalysis a = AudioAnalysis.of(Recorded.frames("audio-short"));
        assertEquals(2.0, a.endSeconds(), 1e-9);
        assertEquals(Optional.empty(), a.integratedLufs());
        assertEquals(Optional.empty(), a.loudnessRangeLu());
        assertEquals(Optional.empty(), a.truePeakDbtp());
        assertEquals(List.of(), a.silence());
    }

    @Test
    void infinitePsnrOfIdenticalFramesIsCapped() {
        QualityAnalysis q = QualityAnalysis.of(Recorded.frames("quality-ssim-psnr"), Optional.empty(), "unavailable");
        assertEquals(75, q.times().size(), "3 s at 25 fps");
        assertEquals(QualityAnalysis.PSNR_CAP, q.psnr().get(0), "identical first frame: inf capped");
        assertEquals(1.0, q.ssim().get(0));
        assertEquals(23.683041, q.psnr().get(30), 1e-9);
        assertEquals(0.385829, q.ssim().get(30), 1e-9);
        assertTrue(q.psnr().stream().allMatch(p -> p <= QualityAnalysis.PSNR_CAP && Double.isFinite(p)));
        assertTrue(Double.isFinite(q.psnrMean().getAsDouble()));
        assertEquals(q.ssim().stream().mapToDouble(d -> d).min().getAsDouble(), q.ssimMin().getAsDouble());
    }

    @Test
    void aRunStillOpenAtTheEndClosesAtTheEndOfTheMedia() {
        String log = "frame:0 pts:0 pts_time:0\nlavfi.black_start=0\nframe:1 pts:1 pts_time:0.04\n";
        VideoAnalysis v = VideoAnalysis.of(MetadataLog.parse(log), FRAME);
        assertEquals(List.of(new Segment(0, 0.08)), v.black());
    }

    @Test
    void freezeRunsCutByAKeyframeAreJoined() {
        // What freezedetect writes for a 3 s still picture with a keyframe at 4 s in a lossy rendition.
        // (freezedetect attaches freeze_start to the frame d = 0.5 s into the run, freeze_end to the first changed frame.)
        String log = "frame:87 pts:87 pts_time:3.48\nlavfi.freezedetect.freeze_start=3\n"
                + "frame:100 pts:100 pts_time:4\nlavfi.freezedetect.freeze_end=4\n"
                + "frame:112 pts:112 pts_time:4.48\nlavfi.freezedetect.freeze_start=4\n"
                + "frame:150 pts:150 pts_time:6\nlavfi.freezedetect.freeze_end=6\n";
        VideoAnalysis v = VideoAnalysis.of(MetadataLog.parse(log), FRAME);
        assertEquals(List.of(new Segment(3, 6)), v.frozen());
    }

    private static void assertSegment(double start, double end, Segment s, double tolerance) {
        assertEquals(start, s.start(), tolerance, s.toString());
        assertEquals(end, s.end(), tolerance, s.toString());
    }
}
