package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Banners recorded with {@code ffmpeg -hide_banner -nostdin -i FILE} (ffmpeg 5.1 from Debian and the
 * 4.4.1 static build jave2 bundles) on the shared samples and on small files made with lavfi. The
 * expected values are what ffprobe 5.1 reports for the same files, except where a comment says why
 * the banner cannot carry it.
 */
class FfmpegBannerParserTest {
    private static final String MP4 = "mov,mp4,m4a,3gp,3g2,mj2";

    @Test
    void portraitPhoneClipWithDisplayMatrix() {
        for (String version : List.of("5.1", "4.4")) {
            // The display matrix says -90 (counter-clockwise), 4.4's rotate tag 90: a quarter turn clockwise.
            MediaInfo info = parse("ax_portrait_4k60.mp4", version);
            assertEquals(MP4, info.container());
            assertEquals(Optional.of(Duration.ofMillis(310)), info.duration());
            assertEquals(Optional.of(63_814_000L), info.bitRate());
            // ffmpeg 4.4 does not report the field order of H.264 in MP4; 5.1 does.
            Optional<FieldOrder> fieldOrder = version.equals("5.1") ? Optional.of(FieldOrder.PROGRESSIVE) : Optional.empty();
            assertEquals(List.of(new VideoStream(0, "h264", Optional.of("High"), new Resolution(3840, 2160),
                    Optional.empty(), Optional.empty(), Optional.of(Rational.of(6006, 100)), Optional.of(Rational.ofInt(60)),
                    Optional.of("yuvj420p"), Optional.of(8), Optional.of("pc"), Optional.of("bt470bg"),
                    Optional.of("smpte170m"), Optional.of("bt470bg"), 90, fieldOrder, false)), info.videoStreams(), version);
            assertEquals(List.of(new AudioStream(1, "aac", Optional.of("LC"), 2, Optional.of("stereo"), 48000,
                    Optional.of("eng"))), info.audioStreams(), version);
        }
    }

    @Test
    void ntscRateAndCodecAspectRatio() {
        MediaInfo info = parse("ax_sample.mp4", "5.1");
        VideoStream v = info.videoStreams().get(0);
        assertEquals(Optional.of(Rational.of(30000, 1001)), v.averageFrameRate());
        assertEquals(Optional.of(Rational.of(30000, 1001)), v.baseFrameRate());
        assertEquals(Optional.of(Rational.of(1, 1)), v.sampleAspectRatio());
        assertEquals(Optional.of(Rational.of(3, 2)), v.displayAspectRatio());
        assertEquals(new Resolution(1080, 720), v.size());
        assertEquals(Optional.empty(), v.colorRange());
        assertEquals(Optional.empty(), v.colorMatrix());
        assertEquals(0, v.rotation());
        assertEquals(List.of(new AudioStream(1, "aac", Optional.of("LC"), 1, Optional.of("mono"), 44100,
                Optional.of("und"))), info.audioStreams());
        assertEquals(Optional.of(Duration.ofMillis(1020)), info.duration());
    }

    @Test
    void hdr10ColourFieldsAndLanguage() {
        for (String version : List.of("5.1", "4.4")) {
            VideoStream v = parse("ax_hdr10-video-with-sdr-container.mp4", version).videoStreams().get(0);
            assertEquals("hevc", v.codec());
            assertEquals(Optional.of("Main 10"), v.profile());
            assertEquals(Optional.of("yuv420p10le"), v.pixelFormat());
            assertEquals(Optional.of(10), v.bitDepth());
            assertEquals(Optional.of("tv"), v.colorRange());
            assertEquals(Optional.of("bt2020nc"), v.colorMatrix());
            assertEquals(Optional.of("bt2020"), v.colorPrimaries());
            assertEquals(Optional.of("smpte2084"), v.colorTransfer());
            assertEquals(Optional.of(Rational.of(688, 25)), v.averageFrameRate()); // printed 27.52
            assertEquals(Optional.of(Rational.ofInt(30)), v.baseFrameRate());
            assertEquals(Optional.empty(), v.fieldOrder());
            assertEquals(Optional.empty(), v.sampleAspectRatio());
        }
    }

    @Test
    void oneColourNameStandsForAllThreeAndRotation180() {
        VideoStream v = parse("ax_pixel7_videoOnly_cleaned.mp4", "5.1").videoStreams().get(0);
        assertEquals(Optional.of("pc"), v.colorRange());
        assertEquals(Optional.of("bt709"), v.colorMatrix());
        assertEquals(Optional.of("bt709"), v.colorPrimaries());
        assertEquals(Optional.of("bt709"), v.colorTransfer());
        assertEquals(180, v.rotation());
        assertEquals(Optional.of(Rational.of(2987, 100)), v.averageFrameRate());
        assertEquals(Optional.of(Rational.of(2983, 100)), v.baseFrameRate());
    }

    @Test
    void surroundLayoutsGiveChannelCounts() {
        assertEquals(List.of(new AudioStream(1, "aac", Optional.of("LC"), 6, Optional.of("5.1"), 48000, Optional.of("und"))),
                parse("br_big_buck_bunny_720p_1mb.mp4", "5.1").audioStreams());
        MediaInfo side = parse("ac3-5.1side.mkv", "5.1");
        assertEquals(List.of(new AudioStream(1, "ac3", Optional.empty(), 6, Optional.of("5.1(side)"), 48000, Optional.empty())),
                side.audioStreams());
        assertEquals(Optional.of(Rational.of(30000, 1001)), side.videoStreams().get(0).averageFrameRate());
    }

    @Test
    void guessedLayoutIsNotAFactAndNoDurationIsEmpty() {
        for (String version : List.of("5.1", "4.4")) {
            MediaInfo info = parse("sm_wav.wav", version);
            assertEquals("wav", info.container());
            assertEquals(Optional.empty(), info.duration());
            assertEquals(Optional.of(705_000L), info.bitRate());
            assertEquals(List.of(new AudioStream(0, "pcm_s16le", Optional.empty(), 1, Optional.empty(), 44100,
                    Optional.empty())), info.audioStreams(), version);
        }
    }

    @Test
    void subtitlesAreCountedAndMatroskaRatesRead() {
        MediaInfo info = parse("ax_sample_with_pgs_subtitles.mkv", "4.4");
        assertEquals("matroska,webm", info.container());
        assertEquals(1, info.subtitleStreams());
        assertEquals(0, info.dataStreams());
        assertEquals(Optional.of(Rational.ofInt(600)), info.videoStreams().get(0).averageFrameRate());
        assertEquals(Optional.of(FieldOrder.PROGRESSIVE), info.videoStreams().get(0).fieldOrder());
    }

    @Test
    void containerAspectRatioOverridesTheCodecs() {
        VideoStream v = parse("container-aspect.mkv", "5.1").videoStreams().get(0); // [SAR 1:1 DAR 4:3], SAR 4:3 DAR 16:9
        assertEquals(Optional.of(Rational.of(4, 3)), v.sampleAspectRatio());
        assertEquals(Optional.of(Rational.of(16, 9)), v.displayAspectRatio());
        VideoStream webm = parse("ax_bbb_960x540_60fps_vp8.webm", "5.1").videoStreams().get(0); // only the container's
        assertEquals(Optional.of(Rational.of(1, 1)), webm.sampleAspectRatio());
        assertEquals(Optional.of(Rational.of(16, 9)), webm.displayAspectRatio());
        assertEquals(Optional.of("bt470bg"), webm.colorMatrix());
        assertEquals(Optional.empty(), webm.colorPrimaries());
        assertEquals(Optional.empty(), webm.colorTransfer());
        assertEquals(Optional.of("Profile 0"), webm.profile());
    }

    @Test
    void coverArtIsAnAttachedPicture() {
        MediaInfo info = parse("cover-art.mp4", "5.1");
        assertEquals(List.of(new VideoStream(1, "png", Optional.empty(), new Resolution(64, 64),
                Optional.of(Rational.of(1, 1)), Optional.of(Rational.of(1, 1)), Optional.empty(),
                Optional.of(Rational.ofInt(90_000)), Optional.of("rgb24"), Optional.of(8), Optional.of("pc"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), true)), info.videoStreams());
        assertEquals(Optional.empty(), info.mainVideo());
    }

    @Test
    void interlacedTransportStreamWithProgramBlock() {
        MediaInfo info = parse("interlaced-tff.ts", "5.1");
        assertEquals("mpegts", info.container());
        VideoStream v = info.videoStreams().get(0);
        assertEquals(Optional.of(FieldOrder.TOP_FIRST), v.fieldOrder());
        assertEquals(Optional.of("Main"), v.profile());
        assertEquals(0, v.rotation());
        assertEquals(1, info.audioStreams().size());
        assertEquals(0, info.dataStreams());
    }

    @Test
    void proresProfileIsADigitsName() {
        MediaInfo info = parse("prores-4444.mov", "5.1");
        VideoStream v = info.videoStreams().get(0);
        assertEquals(Optional.of("4444"), v.profile());
        assertEquals(Optional.of(12), v.bitDepth());
        assertEquals(Optional.of(Rational.of(4, 3)), v.displayAspectRatio());
        assertEquals("pcm_s24le", info.audioStreams().get(0).codec());
    }

    @Test
    void rotationFromDisplayMatrixOrFfmpeg4RotateTag() {
        // ffmpeg 5.1 stored `-metadata:s:v:0 rotate=90` as a matrix of +90 degrees counter-clockwise,
        // which is 270 clockwise; ffmpeg 4.4 reports that file with the tag `rotate: 270` as well.
        assertEquals(270, parse("rotate-tag-90.mp4", "5.1").videoStreams().get(0).rotation());
        assertEquals(270, parse("rotate-tag-90.mp4", "4.4").videoStreams().get(0).rotation());
        String tagOnly = input("  Stream #0:0: Video: h264 (High), yuv420p, 640x480, 25 fps, 25 tbr, 12800 tbn",
                "    Metadata:", "      rotate          : 90", "  Stream #0:1: Audio: aac, 48000 Hz, stereo, fltp");
        assertEquals(90, FfmpegBannerParser.parse(tagOnly, 1).videoStreams().get(0).rotation());
        String matrixWins = tagOnly.replace("      rotate          : 90", "      rotate          : 90\n    Side data:\n"
                + "      displaymatrix: rotation of 180.00 degrees");
        assertEquals(180, FfmpegBannerParser.parse(matrixWins, 1).videoStreams().get(0).rotation());
    }

    @Test
    void notMediaThrowsWithFfmpegsReason() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FfmpegBannerParser.parse(banner("random-bytes.bin.ffmpeg-5.1.txt"), 3000));
        assertEquals("not readable as media: Invalid data found when processing input", e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> FfmpegBannerParser.parse("file:/in/a: b.mp4: No such file or directory\n", 0));
        assertEquals("not readable as media: No such file or directory", missing.getMessage());
    }

    @Test
    void decoderNameIsNotAProfile() {
        String line = "  Stream #0:0: Video: av1 (libdav1d) (Main), yuv420p10le(tv, bt709, progressive), 1920x1080, 24 fps, 24 tbr, 1k tbn";
        assertEquals(Optional.of("Main"), video(line).profile());
        assertEquals(Optional.empty(), video(line.replace(" (Main)", "")).profile());
        assertEquals(Optional.of("Main"), video(line.replace(" (libdav1d)", "")).profile());
    }

    @Test
    void bitsPerComponentAndSwappedFieldOrder() {
        VideoStream v = video("  Stream #0:0: Video: ffv1, gbrp16le(12 bpc, pc, gbr/bt709/bt709, bottom coded first (swapped)), "
                + "720x576 [SAR 16:15 DAR 4:3], 1k fps, 59.94 tbr, 1k tbn (default)");
        assertEquals(Optional.of("gbrp16le"), v.pixelFormat());
        assertEquals(Optional.of("pc"), v.colorRange());
        assertEquals(Optional.of("gbr"), v.colorMatrix());
        assertEquals(Optional.of("bt709"), v.colorPrimaries());
        assertEquals(Optional.of(FieldOrder.BOTTOM_CODED_TOP_FIRST), v.fieldOrder());
        assertEquals(Optional.of(Rational.of(16, 15)), v.sampleAspectRatio());
        assertEquals(Optional.of(Rational.ofInt(1000)), v.averageFrameRate());
        assertEquals(Optional.of(Rational.of(60000, 1001)), v.baseFrameRate());
        assertEquals(Optional.empty(), v.profile());
    }

    @Test
    void printedRatesMapBackToFractions() {
        assertEquals(Optional.of(Rational.of(24000, 1001)), FfmpegBannerParser.printedRate("23.98", false));
        assertEquals(Optional.of(Rational.of(25, 2)), FfmpegBannerParser.printedRate("12.50", false));
        assertEquals(Optional.of(Rational.ofInt(90_000)), FfmpegBannerParser.printedRate("90", true));
        assertEquals(Optional.of(Rational.of(417, 10_000)), FfmpegBannerParser.printedRate("0.0417", false));
        assertEquals(Optional.of(Rational.of(1001, 100)), FfmpegBannerParser.printedRate("10.01", false));
    }

    @Test
    void channelCountsWithoutAStandardLayout() {
        MediaInfo info = FfmpegBannerParser.parse(input(
                "  Stream #0:0(ger): Audio: pcm_s16le, 48000 Hz, 6 channels, s16, 4608 kb/s",
                "  Stream #0:1: Audio: pcm_s24le, 48000 Hz, 3 channels (FL+FR+LFE2), s32 (24 bit)",
                "  Stream #0:2: Audio: opus, 48000 Hz, 0 channels, fltp",
                "  Stream #0:3: Video: h264, none, 25 tbr, 1k tbn",
                "  Stream #0:4: Data: bin_data (text / 0x74786574)",
                "  Stream #0:5: Attachment: ttf",
                "  Stream #0:6: Subtitle: subrip"), 7);
        assertEquals(List.of(new AudioStream(0, "pcm_s16le", Optional.empty(), 6, Optional.empty(), 48000, Optional.of("ger")),
                new AudioStream(1, "pcm_s24le", Optional.empty(), 3, Optional.of("3 channels (FL+FR+LFE2)"), 48000,
                        Optional.empty())), info.audioStreams());
        assertTrue(info.videoStreams().isEmpty()); // no size: skipped, as the ffprobe parser does
        assertEquals(1, info.dataStreams());
        assertEquals(1, info.attachmentStreams());
        assertEquals(1, info.subtitleStreams());
        assertEquals(7, info.sizeBytes());
        assertFalse(info.duration().isPresent());
    }

    @Test
    void splitsOnlyOutsideBrackets() {
        assertEquals(List.of("h264 (High) (avc1 / 0x31637661)", "yuv420p(tv, bt709, progressive)",
                "1080x720 [SAR 1:1 DAR 3:2]", "25 fps"),
                FfmpegBannerParser.splitTopLevel("h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709, progressive), "
                        + "1080x720 [SAR 1:1 DAR 3:2], 25 fps"));
    }

    private static VideoStream video(String streamLine) {
        return FfmpegBannerParser.parse(input(streamLine), 1).videoStreams().get(0);
    }

    private static String input(String... streamLines) {
        return "Input #0, matroska,webm, from 'x.mkv':\n  Duration: N/A, bitrate: N/A\n"
                + String.join("\n", streamLines) + "\nAt least one output file must be specified\n";
    }

    private static MediaInfo parse(String sample, String version) {
        return FfmpegBannerParser.parse(banner(sample + ".ffmpeg-" + version + ".txt"), 1234);
    }

    private static String banner(String name) {
        try (InputStream in = FfmpegBannerParserTest.class.getResourceAsStream("/banners/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource banners/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
