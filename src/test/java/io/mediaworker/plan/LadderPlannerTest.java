package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.mp4;
import static io.mediaworker.testing.TestMedia.stereoAac;
import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.testing.TestMedia;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The default ladder is 1080p 5000k, 720p 3000k, 480p 1500k, 360p 800k; peak 1.5x and buffer 2x the
 * average. Expected sizes and rates are worked out by hand in the comments.
 */
class LadderPlannerTest {
    private static final Rational FPS25 = Rational.ofInt(25);

    /** A rendition as planned at 25 fps with the default H.264 profile. */
    private static Rendition rung(int height, int width, int picHeight, int kbps, int maxKbps, int bufKbps) {
        return new Rendition(height + "p", height + "p.mp4", new Resolution(width, picHeight), FPS25, kbps, maxKbps, bufKbps, "high");
    }

    private static final Rendition L1080 = rung(1080, 1920, 1080, 5000, 7500, 10000);
    private static final Rendition L720 = rung(720, 1280, 720, 3000, 4500, 6000);
    // 480 * 16/9 = 853.33 -> even: round(426.67) * 2 = 854
    private static final Rendition L480 = rung(480, 854, 480, 1500, 2250, 3000);
    private static final Rendition L360 = rung(360, 640, 360, 800, 1200, 1600);

    private static Ladder plan(TestMedia.Video v) {
        return LadderPlanner.plan(mp4(10, v.build(), stereoAac(1)), LadderProfile.DEFAULT);
    }

    @Test
    void fullHdLandscapeGetsTheWholeLadder() {
        Ladder ladder = plan(video(1920, 1080));
        assertEquals(List.of(L1080, L720, L480, L360), ladder.renditions());
        assertEquals(FPS25, ladder.frameRate());
        assertEquals(2.0, ladder.keyframeIntervalSeconds());
        assertEquals(50, ladder.gopFrames()); // 2 s * 25 fps
        assertEquals(0, ladder.videoStreamIndex());
        assertEquals(Optional.of(1), ladder.audioStreamIndex());
        assertEquals(AudioSpec.DEFAULT, ladder.audio());
        assertEquals("medium", ladder.preset());
        assertEquals(List.of(), ladder.notes());
    }

    @Test
    void uhdIsScaledDownToTheSameLadder() {
        // 1080 * 3840/2160 = 1920: nothing at the source's own size is added above 1080p.
        assertEquals(List.of(L1080, L720, L480, L360), plan(video(3840, 2160)).renditions());
    }

    @Test
    void portraitSourceKeepsItsShapeAndRungsNameTheShortSide() {
        // Width is the short side: 1080 x (1080 * 3840/2160 = 1920), 480 x 853.33 -> 854.
        List<Rendition> portrait = List.of(
                rung(1080, 1080, 1920, 5000, 7500, 10000), rung(720, 720, 1280, 3000, 4500, 6000),
                rung(480, 480, 854, 1500, 2250, 3000), rung(360, 360, 640, 800, 1200, 1600));
        assertEquals(portrait, plan(video(2160, 3840)).renditions());

        // Stored landscape, displayed a quarter turn clockwise: the display is 2160 wide, 3840 high.
        Ladder rotated = plan(video(3840, 2160).rotation(90));
        assertEquals(portrait, rotated.renditions());
        assertEquals(List.of("rotation 90° applied"), rotated.notes());
        assertEquals(portrait, plan(video(3840, 2160).rotation(270)).renditions());
    }

    @Test
    void upsideDownSourceDoesNotSwapWidthAndHeight() {
        Ladder ladder = plan(video(1920, 1080).rotation(180));
        assertEquals(List.of(L1080, L720, L480, L360), ladder.renditions());
        assertEquals(List.of("rotation 180° applied"), ladder.notes());
    }

    @Test
    void anamorphicPalIsScaledToSquarePixels() {
        // 720 * 64/45 = 1024 wide, 576 high. 1080 * 1.1 = 1188 > 576 and 720 * 1.1 = 792 > 576: both dropped;
        // 480 * 1.1 = 528 <= 576 kept. The top rung is the source's own 1024x576 at 720p's bits per pixel:
        // 3000 * (1024*576) / (1280*720) = 3000 * 0.64 = 1920k; peak 1920 * 3/2 = 2880, buffer 3840.
        Ladder ladder = plan(video(720, 576).sar(64, 45));
        assertEquals(List.of(rung(576, 1024, 576, 1920, 2880, 3840), L480, L360), ladder.renditions());
        assertEquals(List.of("source is 1024x576: rungs above it dropped, top rung at the source's own size",
                "anamorphic source (SAR 64/45) scaled to square pixels"), ladder.notes());
    }

    @Test
    void anamorphicNtscIsNotWidenedPastItsDisplayWidth() {
        // 720 * 32/27 = 853.33 wide, 480 high. 480 * 1.1 = 528 > 480: the 480 rung is dropped and the source
        // takes its place at the same bits per pixel (1500k). Its width rounds to even *downwards*
        // (852, not 854: 854 would be wider than the 853.33 the source shows). 360 * 853.33/480 = 640.
        Ladder ladder = plan(video(720, 480).sar(32, 27));
        assertEquals(List.of(rung(480, 852, 480, 1500, 2250, 3000), L360), ladder.renditions());
    }

    @Test
    void oddSizedSourcesGiveEvenSizesNeverLargerThanTheSource() {
        // 641x361: short side even-below 361 = 360; 360 * 1.1 = 396 > 360 so the only rung is the source's own,
        // 360 * 641/361 = 639.22 -> 640 (<= 641), at 360p's own rate.
        assertEquals(List.of(L360), plan(video(641, 361)).renditions());

        // 1921x1080: the whole ladder; the top rung's 1080 * 1921/1080 = 1921 must not round up to 1922.
        assertEquals(List.of(rung(1080, 1920, 1080, 5000, 7500, 10000), L720, L480, L360),
                plan(video(1921, 1080)).renditions());

        // 1279x720: short side 720, 720 * 1.1 = 792 > 720 so 720p is replaced by the source's size, 1279 -> 1278
        // (not 1280); 720p at this shape is that same size, so its 3000k stays; peak 4500, buffer 6000. 480 * 1279/720 = 852.67 -> 852; 360 * 1279/720 = 639.5 -> 640.
        assertEquals(List.of(rung(720, 1278, 720, 3000, 4500, 6000), rung(480, 852, 480, 1500, 2250, 3000), L360),
                plan(video(1279, 720)).renditions());

        // Portrait 1081x1921: short side 1080, long side 1080 * 1921/1081 = 1919.2 -> 1920.
        assertEquals(rung(1080, 1080, 1920, 5000, 7500, 10000), plan(video(1081, 1921)).renditions().get(0));
    }

    @Test
    void everyRungIsEvenAndWithinTheSourceForManyOddSizes() {
        int[][] sizes = {{641, 361}, {1919, 1079}, {1921, 1081}, {853, 479}, {427, 241}, {1279, 719}, {999, 333}, {333, 999},
                {101, 61}, {1023, 577}, {3839, 2161}};
        for (int[] s : sizes) {
            for (Rendition r : plan(video(s[0], s[1])).renditions()) {
                String what = s[0] + "x" + s[1] + " -> " + r;
                assertEquals(0, r.size().width() % 2, what);
                assertEquals(0, r.size().height() % 2, what);
                assertTrue(r.size().width() <= s[0] && r.size().height() <= s[1], what);
            }
        }
    }

    @Test
    void qhdSourceBelowTheTopRungBecomesTheTopRungAtTheDroppedRungsBitsPerPixel() {
        // 960x540: 1080 and 720 dropped (720 * 1.1 = 792 > 540), 480 kept (528 <= 540).
        // 3000 * (960*540) / (1280*720) = 3000 * 0.5625 = 1687.5 -> 1690 (to 10k);
        // peak 1690 * 3/2 = 2535 -> 2540, buffer 1690 * 2 = 3380.
        Ladder ladder = plan(video(960, 540));
        assertEquals(List.of(rung(540, 960, 540, 1690, 2540, 3380), L480, L360), ladder.renditions());
        assertEquals(List.of("source is 960x540: rungs above it dropped, top rung at the source's own size"), ladder.notes());
    }

    @Test
    void sourceBelowTheLowestRungGetsOneRungOfItsOwnSize() {
        // 426x240: every rung is dropped; 360p is the one just above. 360p at this shape is 360 * 426/240 = 639
        // -> 640x360; 800 * (426*240) / (640*360) = 800 * 0.44375 = 355 -> 360 (to 10k, half up);
        // peak 360 * 3/2 = 540, buffer 720.
        assertEquals(List.of(rung(240, 426, 240, 360, 540, 720)), plan(video(426, 240)).renditions());

        // 100x60: 800 * (100*60) / (600*360) = 22.2 -> 20k, raised to the 64k floor;
        // peak 64 * 3/2 = 96 -> 100, buffer 128 -> 130.
        assertEquals(List.of(rung(60, 100, 60, 64, 100, 130)), plan(video(100, 60)).renditions());
    }

    @Test
    void aRungIsKeptOnlyWhenTheSourceIsAtLeastTenPercentTaller() {
        // 360 * 1.1 = 396: a 396-line source keeps 360p below its own rung. 480p (528 > 396) is the dropped rung
        // just above, 480 * 704/396 = 853.33 -> 854x480: 1500 * (704*396) / (854*480) = 1020.1 -> 1020;
        // peak 1020 * 3/2 = 1530, buffer 2040.
        assertEquals(List.of(rung(396, 704, 396, 1020, 1530, 2040), L360), plan(video(704, 396)).renditions());

        // 380 < 396: 360p would look the same as the source, so it is dropped and the source is the only rung.
        // 676x380: 360p at this shape is 360 * 676/380 = 640.4 -> 640x360;
        // 800 * (676*380) / (640*360) = 891.9 -> 890; peak 890 * 3/2 = 1335 -> 1340, buffer 1780.
        assertEquals(List.of(rung(380, 676, 380, 890, 1340, 1780)), plan(video(676, 380)).renditions());

        // The same boundary holds for every rung, whatever floating point makes of h * 1.1 (720 * 1.1 is
        // 792.0000000000001 in doubles): a 1408x792 source keeps 720p; a 2112x1188 source keeps 1080p.
        assertEquals(List.of("792p", "720p", "480p", "360p"), names(plan(video(1408, 792))));
        LadderProfile uhd = new LadderProfile("uhd", List.of(RungSpec.of(2160, 15000), RungSpec.of(1080, 5000)), 2.0, 60,
                "medium", AudioSpec.DEFAULT);
        assertEquals(List.of("1188p", "1080p"), names(LadderPlanner.plan(mp4(10, video(2112, 1188).build()), uhd)));
        assertEquals(List.of("1186p"), names(LadderPlanner.plan(mp4(10, video(2108, 1186).build()), uhd)));
        assertEquals(List.of("528p", "480p", "360p"), names(plan(video(938, 528))));
        assertEquals(List.of("526p", "360p"), names(plan(video(936, 526))));
    }

    @Test
    void aSourceWithoutVideoIsInvalidInput() {
        MediaInfo wav = TestMedia.audioOnly(3, stereoAac(0));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LadderPlanner.plan(wav, LadderProfile.DEFAULT));
        assertTrue(e.getMessage().contains("no video stream"), e.getMessage());
    }

    @Test
    void aPictureTooSmallForAnyRungIsInvalidInputNotAnInternalError() {
        // 30x14: even-below 14 = 14 lines, under the 16 a rung needs.
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> plan(video(30, 14)));
        assertTrue(e.getMessage().contains("30x14"), e.getMessage());
        // 28x16 is just enough: one 16p rung of 28x16.
        assertEquals(List.of("16p"), names(plan(video(28, 16))));
    }

    @Test
    void noAudioStreamMeansNoAudioIndex() {
        Ladder ladder = LadderPlanner.plan(mp4(10, video(1920, 1080).build()), LadderProfile.DEFAULT);
        assertEquals(Optional.empty(), ladder.audioStreamIndex());
    }

    @Test
    void gopIsTheKeyframeIntervalInFramesRoundedUp() {
        assertEquals(50, gop(Rational.ofInt(25)));            // 2 * 25
        assertEquals(60, gop(Rational.of(30000, 1001)));      // 2 * 29.97 = 59.94 -> 60
        assertEquals(48, gop(Rational.of(24000, 1001)));      // 2 * 23.976 = 47.95 -> 48
        assertEquals(120, gop(Rational.ofInt(60)));           // 2 * 60
        assertEquals(Rational.of(30000, 1001), LadderPlanner.plan(mp4(10, video(1920, 1080).fps(Rational.of(30000, 1001)).build()),
                LadderProfile.DEFAULT).renditions().get(0).frameRate());
    }

    private static int gop(Rational rate) {
        return LadderPlanner.plan(mp4(10, video(1920, 1080).fps(rate).build()), LadderProfile.DEFAULT).gopFrames();
    }

    private static List<String> names(Ladder ladder) {
        return ladder.renditions().stream().map(Rendition::name).toList();
    }
}
