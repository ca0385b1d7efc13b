package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.VideoStream;
import io.mediaworker.testing.SharedMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real programs: ffprobe 5.1's JSON and ffmpeg's {@code -i} report must give the same
 * {@link MediaInfo} for every shared sample and for small files of each container made here with
 * lavfi. Fields the report rounds are compared within that rounding; all others exactly.
 */
class ProbeEquivalenceIT {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final String LAVFI = "-f lavfi -i testsrc2=size=320x240:rate=25:duration=1"
            + " -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1";

    @TempDir static Path dir;
    private static final RealProcessRunner RUNNER = new RealProcessRunner();
    private static final Map<String, Path> GENERATED = new LinkedHashMap<>();

    @BeforeAll
    static void generateFiles() {
        assumeTrue(Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE),
                "no system ffmpeg/ffprobe at /usr/bin: probe equivalence skipped");
        generate("h264-aac.mp4", LAVFI + " -c:v libx264 -pix_fmt yuv420p -c:a aac");
        generate("prores-pcm.mov", LAVFI + " -c:v prores_ks -profile:v 3 -pix_fmt yuv422p10le -c:a pcm_s24le");
        generate("ntsc-ac3-side.mkv", "-f lavfi -i testsrc2=size=320x240:rate=30000/1001:duration=1"
                + " -f lavfi -i sine=sample_rate=48000:duration=1 -af pan=5.1(side)|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0"
                + " -c:v libx264 -c:a ac3 -metadata:s:a:0 language=ger");
        generate("vp9-opus.webm", LAVFI + " -c:v libvpx-vp9 -c:a libopus");
        generate("mpeg4-mp3.avi", LAVFI + " -c:v mpeg4 -c:a libmp3lame");
        generate("mpeg2-mp2.ts", LAVFI + " -c:v mpeg2video -c:a mp2");
        generate("mpeg2-pcm.mxf", LAVFI + " -c:v mpeg2video -c:a pcm_s16le -ar 48000");
        generate("interlaced-tff.ts", LAVFI + " -c:v mpeg2video -flags +ildct+ilme -top 1 -c:a mp2");
        generate("anamorphic.mp4", LAVFI + " -vf setsar=4/3 -c:v libx264 -c:a aac");
        // ffmpeg 5.1 turns the rotate tag into a display matrix only when copying the stream.
        generate("rotated.mp4", "-i " + GENERATED.get("h264-aac.mp4") + " -c copy -metadata:s:v:0 rotate=90");
        generate("container-aspect.mkv", "-i " + GENERATED.get("h264-aac.mp4") + " -c copy -aspect 16:9");
        generate("cover.png", "-f lavfi -i testsrc2=size=64x64:duration=0.04 -frames:v 1");
        generate("cover-art.mp4", "-f lavfi -i sine=sample_rate=44100:duration=1 -i " + GENERATED.get("cover.png")
                + " -map 0 -map 1 -c:a aac -c:v png -disposition:v:0 attached_pic");
    }

    @TestFactory
    Stream<DynamicTest> sharedSamplesAgreeWithFfmpeg51() {
        SharedMedia.assumeAvailable();
        FfmpegBannerProber banner = new FfmpegBannerProber(FFMPEG, RUNNER);
        return SharedMedia.all().stream().map(file -> DynamicTest.dynamicTest(name(file),
                () -> assertAgree(file, banner, false)));
    }

    @TestFactory
    Stream<DynamicTest> generatedFilesAgreeWithFfmpeg51() {
        FfmpegBannerProber banner = new FfmpegBannerProber(FFMPEG, RUNNER);
        return GENERATED.values().stream().filter(f -> !name(f).endsWith(".png"))
                .map(file -> DynamicTest.dynamicTest(name(file), () -> assertAgree(file, banner, false)));
    }

    /** The ffmpeg the worker falls back to. It crashes on MPEG-TS (see FfmpegBannerProber), so only the samples. */
    @TestFactory
    Stream<DynamicTest> sharedSamplesAgreeWithBundledFfmpeg44() {
        SharedMedia.assumeAvailable();
        Path bundled;
        try {
            bundled = BundledFfmpeg.extract();
        } catch (RuntimeException e) {
            assumeTrue(false, "bundled ffmpeg not available: " + e.getMessage());
            return Stream.empty();
        }
        FfmpegBannerProber banner = new FfmpegBannerProber(bundled, RUNNER);
        // ffmpeg 4.4 prints no field order for H.264 in MP4 (5.1 learns it while probing), so the
        // 4.4 banner may lack a field order that ffprobe 5.1 reports; it must never contradict it.
        return SharedMedia.all().stream().map(file -> DynamicTest.dynamicTest(name(file),
                () -> assertAgree(file, banner, true)));
    }

    @Test
    void bothRejectFilesThatAreNotMedia() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Path noise = Files.write(dir.resolve("noise.mkv"), bytes);
        for (Path file : List.of(text, noise)) {
            assertThrows(InvalidInputException.class, () -> ffprobe().probe(file), name(file));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new FfmpegBannerProber(FFMPEG, RUNNER).probe(file), name(file));
            assertEquals("not readable as media: Invalid data found when processing input", e.getMessage());
        }
    }

    @Test
    void bannerKeepsStreamsBeyondTheDefaultStderrTail() {
        // 48 streams with metadata print far more than the 40 stderr lines a plain capture keeps.
        StringBuilder args = new StringBuilder(LAVFI);
        for (int i = 0; i < 48; i++) args.append(" -map 1:a");
        generate("many-streams.mkv", args + " -c:a pcm_s16le");
        MediaInfo info = new FfmpegBannerProber(FFMPEG, RUNNER).probe(GENERATED.get("many-streams.mkv"));
        assertEquals(48, info.audioStreams().size());
        assertEquals(47, info.audioStreams().get(47).index());
    }

    private static void assertAgree(Path file, Prober banner, boolean fieldOrderMayBeMissing) {
        MediaInfo probed, read;
        try {
            probed = ffprobe().probe(file);
        } catch (InvalidInputException e) {
            assertThrows(InvalidInputException.class, () -> banner.probe(file), "ffprobe rejected " + name(file));
            return;
        }
        read = banner.probe(file);
        List<String> differences = new ArrayList<>();
        Comparison c = new Comparison(differences);
        c.same("container", probed.container(), read.container());
        // The report prints the duration rounded to 1/100 s: at most 5 ms off.
        c.within("duration", probed.duration().map(ProbeEquivalenceIT::seconds), read.duration().map(ProbeEquivalenceIT::seconds), 0.005);
        c.same("size", probed.sizeBytes(), read.sizeBytes());
        // The report prints whole kb/s, truncated: 0 to 999 b/s below ffprobe's figure.
        c.check("bit rate", probed.bitRate(), read.bitRate(), probed.bitRate().isPresent() == read.bitRate().isPresent()
                && probed.bitRate().map(p -> p - read.bitRate().get()).map(d -> d >= 0 && d < 1000).orElse(true));
        c.same("video count", probed.videoStreams().size(), read.videoStreams().size());
        for (int i = 0; i < Math.min(probed.videoStreams().size(), read.videoStreams().size()); i++) {
            compareVideo(c, probed.videoStreams().get(i), read.videoStreams().get(i), fieldOrderMayBeMissing);
        }
        c.same("audio count", probed.audioStreams().size(), read.audioStreams().size());
        for (int i = 0; i < Math.min(probed.audioStreams().size(), read.audioStreams().size()); i++) {
            compareAudio(c, probed.audioStreams().get(i), read.audioStreams().get(i));
        }
        c.same("subtitles", probed.subtitleStreams(), read.subtitleStreams());
        c.same("data", probed.dataStreams(), read.dataStreams());
        c.same("attachments", probed.attachmentStreams(), read.attachmentStreams());
        assertTrue(differences.isEmpty(), name(file) + " differs:\n  " + String.join("\n  ", differences)
                + "\nffprobe: " + probed + "\nbanner:  " + read);
    }

    private static void compareVideo(Comparison c, VideoStream p, VideoStream b, boolean fieldOrderMayBeMissing) {
        String s = "video #" + p.index() + " ";
        c.same(s + "index", p.index(), b.index());
        c.same(s + "codec", p.codec(), b.codec());
        c.same(s + "profile", p.profile(), b.profile());
        c.same(s + "size", p.size(), b.size());
        c.same(s + "SAR", p.sampleAspectRatio(), b.sampleAspectRatio());
        c.same(s + "DAR", p.displayAspectRatio(), b.displayAspectRatio());
        // Frame rates are printed with two decimals (±0.005) and may be snapped to N×1000/1001,
        // which moves them by up to another 0.005: at most 0.01 frames per second apart.
        c.within(s + "avg frame rate", p.averageFrameRate().map(Rational::toDouble), b.averageFrameRate().map(Rational::toDouble), 0.01);
        c.within(s + "base frame rate", p.baseFrameRate().map(Rational::toDouble), b.baseFrameRate().map(Rational::toDouble), 0.01);
        c.same(s + "pixel format", p.pixelFormat(), b.pixelFormat());
        c.same(s + "bit depth", p.bitDepth(), b.bitDepth());
        c.same(s + "range", p.colorRange(), b.colorRange());
        c.same(s + "primaries", p.colorPrimaries(), b.colorPrimaries());
        c.same(s + "transfer", p.colorTransfer(), b.colorTransfer());
        c.same(s + "matrix", p.colorMatrix(), b.colorMatrix());
        c.same(s + "rotation", p.rotation(), b.rotation());
        boolean unreported = fieldOrderMayBeMissing && b.fieldOrder().isEmpty();
        if (!unreported) c.same(s + "field order", p.fieldOrder(), b.fieldOrder());
        c.same(s + "attached picture", p.attachedPicture(), b.attachedPicture());
    }

    private static void compareAudio(Comparison c, AudioStream p, AudioStream b) {
        String s = "audio #" + p.index() + " ";
        c.same(s + "index", p.index(), b.index());
        c.same(s + "codec", p.codec(), b.codec());
        c.same(s + "profile", p.profile(), b.profile());
        c.same(s + "channels", p.channels(), b.channels());
        c.same(s + "layout", p.channelLayout(), b.channelLayout());
        c.same(s + "sample rate", p.sampleRate(), b.sampleRate());
        c.same(s + "language", p.language(), b.language());
    }

    /** Collects every difference of one file, so a failure lists them all. */
    private record Comparison(List<String> differences) {
        void same(String field, Object probed, Object read) {
            check(field, probed, read, Objects.equals(probed, read));
        }

        void within(String field, Optional<Double> probed, Optional<Double> read, double tolerance) {
            boolean close = probed.isPresent() == read.isPresent()
                    && probed.map(p -> Math.abs(p - read.get()) <= tolerance + 1e-9).orElse(true);
            check(field, probed, read, close);
        }

        void check(String field, Object probed, Object read, boolean ok) {
            if (!ok) differences.add(field + ": ffprobe " + probed + ", banner " + read);
        }
    }

    private static Prober ffprobe() {
        return new FfprobeProber(FFPROBE, RUNNER);
    }

    private static void generate(String name, String args) {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args.split(" ")));
        cmd.add(out.toString());
        ProcessResult result = RUNNER.run(ProcessSpec.capture(cmd, Duration.ofMinutes(1)));
        assertTrue(result.succeeded(), "could not make " + name + ": " + result.describe());
        GENERATED.put(name, out);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
