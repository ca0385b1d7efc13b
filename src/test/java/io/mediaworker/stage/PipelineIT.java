package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run SOURCE --to DEST} in process, with real ffmpeg, for a small source of every container
 * and every variant the planner treats specially; the delivered ladder is judged by
 * {@link DeliveredLadder} against sizes worked out here by hand from how each source was made:
 * display aspect kept, even, never upscaled, a rung not clearly below the source replaced by the
 * source's own size, rotated sources portrait. A fast two-rung profile keeps the suite short.
 */
class PipelineIT {
    /** Rungs 360 and 240 at veryfast (ultrafast would make Constrained Baseline, not the High asked for). */
    static final String FAST_PROFILE = """
            {"name": "fast", "preset": "veryfast", "keyframeIntervalSeconds": 2.0,
             "rungs": [{"height": 360, "videoKbps": 500}, {"height": 240, "videoKbps": 250}]}
            """;

    @TempDir static Path mediaDir;
    static GeneratedMedia media;
    static Path profile;

    @TempDir Path work;

    @BeforeAll
    static void setUp() throws IOException {
        GeneratedMedia.assumeFfmpeg();
        media = new GeneratedMedia(mediaDir);
        profile = Files.writeString(mediaDir.resolve("fast.json"), FAST_PROFILE, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> sources() {
        String[] wide = {"640x360", "426x240"}; // 16:9 at 360 and 240: 240 * 16 / 9 = 426.7 -> 426 (even)
        return Stream.of(
                source("mp4 h264/aac 30 fps", GeneratedMedia::mp4, DeliveredLadder.Expected.of(true, 30, wide)),
                // 480x270 is below the 360 rung: its own size becomes the top rung; 240 * 1.1 <= 270 keeps 240.
                source("mov h264/pcm 480x270", GeneratedMedia::mov, DeliveredLadder.Expected.of(true, 30, "480x270", "426x240")),
                source("mkv h264/ac3 25 fps", GeneratedMedia::mkv, DeliveredLadder.Expected.of(true, 25, wide)),
                // 320x180 is below every rung: one rendition at the source's size.
                source("webm vp9/opus 320x180", GeneratedMedia::webm, DeliveredLadder.Expected.of(true, 25, "320x180")),
                source("avi mpeg4/mp3", GeneratedMedia::avi, DeliveredLadder.Expected.of(true, 25, wide)),
                source("ts mpeg2/mp2", GeneratedMedia::ts, DeliveredLadder.Expected.of(true, 25, wide)),
                source("mxf mpeg2/pcm", GeneratedMedia::mxf, DeliveredLadder.Expected.of(true, 25, wide)),
                // 640x360 coded, turned a quarter: shown 360x640, so the rungs are 360 and 240 wide.
                source("portrait (display matrix 90)", GeneratedMedia::portrait, DeliveredLadder.Expected.of(true, 30, "360x640", "240x426")),
                // 480x360 with 4:3 pixels is shown 640x360.
                source("anamorphic SAR 4:3", GeneratedMedia::anamorphic, DeliveredLadder.Expected.of(true, 25, wide)),
                // 25 interlaced frames a second stay 25 progressive frames.
                source("interlaced tff mpeg2", GeneratedMedia::interlaced, DeliveredLadder.Expected.of(true, 25, wide)),
                source("25 fps", GeneratedMedia::pal25, DeliveredLadder.Expected.of(true, 25, wide)),
                source("29.97 fps", GeneratedMedia::ntsc2997, DeliveredLadder.Expected.of(true, 30000.0 / 1001, wide)),
                source("no audio", GeneratedMedia::noAudio, DeliveredLadder.Expected.of(false, 30, wide)),
                source("5.1 audio", GeneratedMedia::surround51, DeliveredLadder.Expected.of(true, 25, wide)));
    }

    private static Arguments source(String name, Function<GeneratedMedia, Path> make, DeliveredLadder.Expected expected) {
        return Arguments.of(name, make, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void runDeliversAVerifiedLadder(String name, Function<GeneratedMedia, Path> make, DeliveredLadder.Expected expected) {
        Path source = make.apply(media);
        Path root = work.resolve("content"), dest = work.resolve("dest");
        FileState before = FileState.of(source);

        CliResult run = InProcessCli.run("run", source.toString(), "--to", dest.toString(),
                "--content-root", root.toString(), "--profile", profile.toString());
        assertEquals(0, run.exitCode(), run.describe());
        String id = run.stdout().trim();
        assertEquals(before.sha256().substring(0, 20), id, "the default asset id is the start of the source's SHA-256");

        DeliveredLadder.check(root, dest, id, source, expected);
        assertEquals(before, FileState.of(source), "the source was changed");
        assertEquals(before.sha256(), FileState.sha256(storedSource(root, id)), "ingest/ holds other bytes than the source");
        assertEquals(List.of(), FileState.entriesUnder(root.resolve(".work")), "leftovers in .work after success");
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)), "transcode/" + id + " still there after QC passed");
        assertEquals(List.of(), FileState.entriesUnder(root.resolve("failed")), "something quarantined after success");

        Path manifest = root.resolve("ingest").resolve(id).resolve("manifest.json");
        FileState manifestBefore = FileState.of(manifest);
        CliResult again = InProcessCli.run("ingest", source.toString(), "--content-root", root.toString());
        assertEquals(0, again.exitCode(), again.describe());
        assertEquals(id, again.stdout().trim(), "the same bytes ingested again must give the same id");
        assertEquals(manifestBefore, FileState.of(manifest), "a second ingest of the same bytes must change nothing");
        assertEquals(List.of(), FileState.entriesUnder(root.resolve(".work")), "leftovers in .work after the second ingest");
    }

    /** The expectations above hold only if the sources are what they were made to be. */
    @Test
    void generatedSourcesHoldWhatTheExpectationsAssume() {
        assertEquals(List.of("h264", "aac"), codecs(media.mp4()));
        assertEquals(List.of("h264", "pcm_s16le"), codecs(media.mov()));
        assertEquals(List.of("h264", "ac3"), codecs(media.mkv()));
        assertEquals(List.of("vp9", "opus"), codecs(media.webm()));
        assertEquals(List.of("mpeg4", "mp3"), codecs(media.avi()));
        assertEquals(List.of("mpeg2video", "mp2"), codecs(media.ts()));
        assertEquals(List.of("mpeg2video", "pcm_s16le"), codecs(media.mxf()));
        assertEquals("mxf", Ffprobe.probe(media.mxf()).format().path("format_name").asText());
        Ffprobe.Probe portrait = Ffprobe.probe(media.portrait());
        assertEquals(90, Math.abs(portrait.videos().get(0).path("side_data_list").path(0).path("rotation").asInt()), portrait.toString());
        assertEquals("4:3", Ffprobe.probe(media.anamorphic()).videos().get(0).path("sample_aspect_ratio").asText());
        assertEquals("tt", Ffprobe.probe(media.interlaced()).videos().get(0).path("field_order").asText());
        assertEquals("30000/1001", Ffprobe.probe(media.ntsc2997()).videos().get(0).path("avg_frame_rate").asText());
        assertEquals("25/1", Ffprobe.probe(media.pal25()).videos().get(0).path("avg_frame_rate").asText());
        assertEquals(List.of("h264"), codecs(media.noAudio()));
        assertEquals(6, Ffprobe.probe(media.surround51()).audios().get(0).path("channels").asInt());
    }

    private static List<String> codecs(Path file) {
        return Ffprobe.probe(file).streams().stream().map(s -> s.path("codec_name").asText()).toList();
    }

    private static Path storedSource(Path root, String id) {
        try (Stream<Path> files = Files.list(root.resolve("ingest").resolve(id))) {
            List<Path> sources = files.filter(p -> p.getFileName().toString().startsWith("source.")).toList();
            assertEquals(1, sources.size(), "ingest/" + id + " should hold one source.<ext>: " + sources);
            return sources.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
