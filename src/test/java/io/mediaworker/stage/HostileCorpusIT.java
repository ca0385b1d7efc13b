package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static io.mediaworker.stage.CorpusRow.NO_AUDIO;
import static io.mediaworker.stage.CorpusRow.NO_CHECK;
import static io.mediaworker.stage.CorpusRow.bad;
import static io.mediaworker.stage.CorpusRow.ok;
import static io.mediaworker.stage.CorpusRow.okRow;
import static io.mediaworker.stage.CorpusRow.STEREO;
import static io.mediaworker.stage.CorpusRow.stereo;

import io.mediaworker.stage.CorpusRow.Baits;
import io.mediaworker.stage.CorpusRow.Case;
import io.mediaworker.stage.CorpusRow.Ctx;
import io.mediaworker.stage.CorpusRow.Fault;
import io.mediaworker.stage.CorpusRow.Options;
import io.mediaworker.stage.CorpusRow.Output;
import io.mediaworker.stage.CorpusRow.Refused;
import io.mediaworker.stage.CorpusRow.Transcoded;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.HostileCorpus;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.JarLauncher;
import io.mediaworker.testing.LoopbackHttpServer;
import io.mediaworker.testing.Measure;
import io.mediaworker.testing.SharedMedia;
import io.mediaworker.testing.TopLevelBoxes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus: one row per source (made by {@link HostileCorpus}, or a shared sample), run
 * through the real {@code ingest} and {@code transcode} with the real ffmpeg, and the outcome the
 * README's corpus table states. Successes are judged by the test's own ffprobe of the rendition
 * (and, where it matters, by measuring pixels, pitch or timestamps); failures by the exit code,
 * the one stderr line, {@code failed/<assetId>/reason.json} and the untouched source.
 *
 * <p>All cases use a one-rung profile (240p, veryfast): sources smaller than that keep their own
 * size, so the corpus costs seconds, not minutes.
 */
class HostileCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = "{\"name\": \"corpus\", \"rungs\": [{\"height\": 240, \"videoKbps\": 400}], \"preset\": \"veryfast\"}";

    @TempDir static Path mediaDir;
    static HostileCorpus corpus;
    static LoopbackHttpServer http;
    static Path profile;

    @TempDir Path work;

    @BeforeAll
    static void setUp() throws IOException {
        GeneratedMedia.assumeFfmpeg();
        corpus = new HostileCorpus(mediaDir);
        http = new LoopbackHttpServer();
        profile = Files.writeString(mediaDir.resolve("corpus-profile.json"), PROFILE);
    }

    @AfterAll
    static void tearDown() {
        if (http != null) http.close();
    }

    // --- the table -------------------------------------------------------------------------------

    static Stream<Arguments> corpus() {
        return Stream.of(
                ok("baseline", "control: H.264 320x180 + AAC stereo", c -> corpus.baseline(), 320, 180, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("rotated phone clip", "display matrix rotate=90: comes out portrait", c -> corpus.rotated90(), 180, 320, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("odd size 317x181", "FFV1 317x181 (not mod 2): even output, aspect kept", c -> corpus.oddSize(), 316, 180, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("odd portrait 181x321, 4:4:4", "portrait by coded size, odd, H.264 4:4:4, no audio", c -> corpus.oddPortrait(), 180, 320, NO_AUDIO),
                ok("anamorphic", "240x180 with SAR 4:3: square pixels, 16:9 kept", c -> corpus.anamorphic(), 320, 180, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("interlaced", "MPEG-2 TS top field first, fields 1/50 s apart: deinterlaced", c -> corpus.interlaced(), 320, 180, STEREO,
                        CorpusChecks::deinterlaced),
                ok("HDR10 PQ", "HEVC Main 10 BT.2020 PQ: tone mapped to 8-bit BT.709", c -> corpus.hdrPq(), 320, 180, NO_AUDIO,
                        CorpusChecks::toneMappedNotRetagged),
                ok("HLG", "H.264 High 10 BT.2020 HLG: tone mapped to 8-bit BT.709", c -> corpus.hdrHlg(), 320, 180, NO_AUDIO,
                        CorpusChecks::toneMappedNotRetagged),
                ok("10-bit SDR", "H.264 High 10 BT.709: 8-bit 4:2:0", c -> corpus.tenBitSdr(), 320, 180, STEREO),
                ok("ProRes 4:2:2 10-bit", "MOV ProRes 422 HQ + PCM 24-bit: 8-bit 4:2:0", c -> corpus.prores422(), 320, 180, STEREO),
                ok("H.264 4:4:4", "High 4:4:4 Predictive: 4:2:0", c -> corpus.h264yuv444(), 320, 180, STEREO),
                ok("BT.601 tagged", "SD red coded with the BT.601 matrix: converted, not just retagged", c -> corpus.bt601Red(), 320, 240, NO_AUDIO,
                        CorpusChecks::redStaysRed),
                ok("5.1 audio", "AAC 5.1: downmixed to stereo", c -> corpus.surround51(), 320, 180, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("mono audio", "AAC mono 22.05 kHz: stereo 48 kHz", c -> corpus.mono(), 320, 180, stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("three audio tracks", "fre / eng default / eng commentary: the default main track", c -> corpus.threeAudioTracks(), 320, 180,
                        stereo(2, HostileCorpus.ENGLISH_HZ)),
                okRow("three audio tracks, --audio-language fre", "the preferred language wins", c -> corpus.threeAudioTracks(), 320, 180,
                        stereo(1, HostileCorpus.FRENCH_HZ), NO_CHECK).args("--audio-language", "fre"),
                okRow("three audio tracks, MEDIA_AUDIO_LANGUAGE=fr", "the environment, two-letter code (run as the jar)",
                        c -> corpus.threeAudioTracks(), 320, 180, stereo(1, HostileCorpus.FRENCH_HZ), NO_CHECK).env("MEDIA_AUDIO_LANGUAGE", "fr"),
                okRow("three audio tracks, --audio-language jpn", "no track in it: falls back to the default main track",
                        c -> corpus.threeAudioTracks(), 320, 180, stereo(2, HostileCorpus.ENGLISH_HZ), NO_CHECK).args("--audio-language", "jpn"),
                ok("default track is a commentary", "no default main track: the first track", c -> corpus.defaultIsCommentary(), 320, 180,
                        stereo(1, HostileCorpus.FRENCH_HZ)),
                ok("timecode + subtitles (MOV)", "tmcd data and mov_text streams ignored", c -> corpus.timecodeAndSubtitles(), 320, 180, STEREO),
                ok("subtitles + attachment (MKV)", "ASS subtitle and font attachment ignored", c -> corpus.subtitlesAndAttachment(), 320, 180, STEREO),
                ok("audio before video", "stream 0 audio, stream 1 video", c -> corpus.audioFirst(), 320, 180, stereo(0, HostileCorpus.ENGLISH_HZ)),
                ok("anamorphic and rotated", "4:3 pixels and rotate=270 together", c -> corpus.anamorphicRotated(), 180, 320,
                        stereo(1, HostileCorpus.ENGLISH_HZ)),
                ok("cover art", "a PNG attached_pic stream beside the video: ignored", c -> corpus.coverArt(), 320, 180, STEREO),
                ok("120 fps", "slow-motion phone rate: capped at 60 by a divisor", c -> corpus.highFrameRate(), 320, 180, NO_AUDIO,
                        CorpusChecks::sixtyFramesASecond),
                ok("no audio", "video only: no audio stream in the rendition", c -> corpus.noAudio(), 320, 180, NO_AUDIO),
                ok("one frame", "a 0.04 s source", c -> corpus.oneFrame(), 320, 180, NO_AUDIO),
                ok("moov at the end", "index after the media data: rendition has it first", c -> corpus.moovAtEnd(), 320, 180, STEREO),
                ok("variable frame rate", "irregular frame durations: constant rate out", c -> corpus.variableFrameRate(), 320, 180, STEREO,
                        CorpusChecks::constantFrameRate),
                ok("name with spaces and quotes", "it's a \"clip\" & $(x); `y`.mp4", c -> corpus.named("it's a \"clip\" & $(x); `y`.mp4"), 320, 180, STEREO,
                        CorpusChecks::originalNameKept),
                ok("unicode name", "vidéo 東京 🎬.mp4", c -> corpus.named("vidéo 東京 🎬.mp4"), 320, 180, STEREO,
                        CorpusChecks::originalNameKept),
                ok("newline in name", "two\\nlines.mp4", c -> corpus.named("two\nlines.mp4"), 320, 180, STEREO,
                        CorpusChecks::originalNameKept),
                ok("leading dash", "-y -i http:x.mp4", c -> corpus.named("-y -i http:x.mp4"), 320, 180, STEREO,
                        CorpusChecks::originalNameKept),
                ok("protocol-like name", "concat:a.mp4|b.mp4", c -> corpus.named("concat:a.mp4|b.mp4"), 320, 180, STEREO,
                        CorpusChecks::originalNameKept),

                bad("empty file", "0 bytes", c -> corpus.empty(), "ingest", "not readable"),
                bad("random bytes", "64 KiB of noise named .mp4", c -> corpus.randomBytes(), "ingest", "not readable"),
                bad("text named .mp4", "plain text", c -> corpus.text("notes.mp4", "meeting notes, not a movie\n"), "ingest", "not readable"),
                bad("truncated MP4, moov at end", "cut in half: no index", c -> corpus.truncatedMoovAtEnd(), "ingest", "not readable"),
                bad("truncated MP4, faststart", "index whole, media data cut", c -> corpus.truncatedFaststart(), "ingest", "truncated"),
                bad("truncated Matroska", "cut to 40 %", c -> corpus.truncatedMatroska(), "ingest", "truncated"),
                bad("absurd picture size", "Y4M header declaring 12000x12000", c -> corpus.absurdPictureSize(), "ingest", "12000x12000"),
                bad("absurd MP4 box size", "mdat claiming 2 GiB in a file of kilobytes", c -> corpus.absurdBoxSize(), "ingest", "truncated"),
                bad("absurd duration", "Matroska Duration patched to 31 years", c -> corpus.absurdDuration(), "ingest", "duration"),
                bad("audio only", "M4A named .mp4", c -> corpus.audioOnly(), "ingest", "no video stream"),
                bad("song with cover art", "MP3 whose only picture is cover art, named .mp4", c -> corpus.songWithCoverArt(), "ingest",
                        "no video stream"),
                bad("HLS playlist pointing at a URL", ".m3u8 whose segment is on a loopback HTTP server", HostileCorpusIT::hlsToUrl,
                        "ingest", "not readable", HostileCorpusIT::baitsUntouched),
                bad("HLS playlist named .mp4 pointing at a local file", "segment is a named pipe elsewhere", HostileCorpusIT::hlsToFile,
                        "ingest", "not readable", HostileCorpusIT::baitsUntouched),
                bad("ffconcat list", "a local file and a URL", HostileCorpusIT::ffconcat, "ingest", "not readable", HostileCorpusIT::baitsUntouched),
                bad("SDP file", "an RTP session on loopback", HostileCorpusIT::sdp, "ingest", "not readable", HostileCorpusIT::baitsUntouched),
                new Case("symbolic link out of the root", "content/inbox/clip.mp4 -> a file outside the root",
                        HostileCorpusIT::linkOutOfRoot, new Refused("ingest", 3, "symbolic link", false), Options.NONE).row(),
                new Case("stored source swapped for a link", "ingest/<id>/source.mp4 replaced by a link outside the root",
                        c -> corpus.baseline(), new Refused("transcode", 2, "symbolic link", false),
                        Options.NONE.beforeTranscode(HostileCorpusIT::swapStoredSourceForLink)).row(),
                new Case("ffmpeg crashes (SIGSEGV)", "a wrapper that kills itself: exit 139", c -> corpus.baseline(),
                        new Fault("SIGSEGV"), Options.NONE.ffmpeg(c -> wrapper(c, "segv"))).row(),
                new Case("ffmpeg killed (SIGKILL)", "the real ffmpeg killed mid-encode, as the OOM killer does", c -> corpus.baseline(),
                        new Fault("SIGKILL"), Options.NONE.ffmpeg(c -> wrapper(c, "kill"))).row(),

                ok("shared: phone portrait 4K60", "H.264 3840x2160 rotated, full range, BT.601", c -> shared("ax_portrait_4k60.mp4"), 240, 426, STEREO),
                ok("shared: phone rotated 180", "rotation 180, full range, no audio", c -> shared("ax_pixel7_videoOnly_cleaned.mp4"), 426, 240, NO_AUDIO),
                ok("shared: HDR10 HEVC", "HEVC Main 10 PQ 1080p", c -> shared("ax_hdr10-video-with-sdr-container.mp4"), 426, 240, STEREO,
                        CorpusChecks::toneMappedNotRetagged),
                ok("shared: VP9 10-bit BT.2020", "VP9 profile 2 426x240", c -> shared("ax_roadtrip-vp92-10bit.webm"), 426, 240, NO_AUDIO),
                ok("shared: WebM Vorbis 5.1", "VP9 960x540 60 fps + Vorbis 5.1", c -> shared("ax_bbb_960x540_60fps_vp8.webm"), 426, 240, STEREO),
                ok("shared: PGS subtitles", "Matroska H.264 + AC-3 + PGS", c -> shared("ax_sample_with_pgs_subtitles.mkv"), 360, 240, STEREO),
                ok("shared: AVI", "MPEG-4 Part 2 + MP3", c -> shared("ax_sample.avi"), 576, 240, STEREO),
                ok("shared: rotate and reflect", "display matrix -90", c -> shared("ax_sample_rotate_and_reflect.mp4"), 240, 360, STEREO),
                bad("shared: audio-only MP4", "AAC mono, no video", c -> shared("ax_sample_audio_only.mp4"), "ingest", "no video stream"),
                bad("shared: 44-byte WAV", "a header and no samples", c -> shared("sm_wav.wav"), "ingest", "no video stream"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachSourceTranscodesCorrectlyOrFailsCleanly(String name, Case c) throws IOException {
        Ctx ctx = new Ctx(work, work.resolve("content"));
        Files.createDirectories(ctx.root());
        try (Baits baits = new Baits(work, http)) {
            ctx.baits = baits;
            Path source = c.source().apply(ctx);
            FileState before = FileState.of(source);
            long started = System.nanoTime();

            List<String> ingestArgs = new ArrayList<>(List.of("ingest", source.toString(), "--content-root", ctx.root().toString()));
            CliResult ingest = InProcessCli.run(ingestArgs.toArray(String[]::new));
            if (c.expected() instanceof Refused r && r.stage().equals("ingest")) {
                assertRefused(ctx, c, r, ingest, before);
            } else {
                assertEquals(0, ingest.exitCode(), ingest.describe());
                String id = ingest.stdout().strip();
                c.options().beforeTranscode().accept(ctx, id);
                List<String> args = new ArrayList<>(List.of("transcode", id, "--content-root", ctx.root().toString(),
                        "--profile", profile.toString()));
                c.options().ffmpeg().map(f -> f.apply(ctx)).ifPresent(f -> args.addAll(List.of("--ffmpeg", f.toString())));
                args.addAll(c.options().transcodeArgs());
                CliResult transcode = c.options().env().isEmpty() ? InProcessCli.run(args.toArray(String[]::new))
                        : JarLauncher.run(c.options().env(), args);
                if (c.expected() instanceof Transcoded t) assertTranscoded(ctx, c, t, id, transcode);
                else if (c.expected() instanceof Refused r) assertRefused(ctx, c, r, transcode, before);
                else assertFault(ctx, (Fault) c.expected(), id, transcode);
            }
            assertEquals(before, FileState.of(source), "the source was changed");
            c.options().extra().accept(ctx);
            System.err.printf("corpus: %-55s %-10s %.1f s%n", name, c.expected().label(), (System.nanoTime() - started) / 1e9);
        }
    }

    // --- outcomes ----------------------------------------------------------------------------------

    private static void assertTranscoded(Ctx ctx, Case c, Transcoded t, String id, CliResult r) throws IOException {
        assertEquals(0, r.exitCode(), r.describe());
        Path dir = ctx.root().resolve("transcode").resolve(id);
        List<Path> renditions;
        try (Stream<Path> files = Files.list(dir)) {
            renditions = files.filter(p -> p.getFileName().toString().endsWith(".mp4")).sorted().toList();
        }
        assertEquals(1, renditions.size(), "one rung in the corpus profile: " + renditions);
        Path out = renditions.get(0);
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals(1, probe.videos().size(), "one video stream: " + probe.streams());
        JsonNode v = probe.videos().get(0);
        assertEquals("h264", v.path("codec_name").asText());
        assertEquals("yuv420p", v.path("pix_fmt").asText(), "8-bit 4:2:0");
        assertEquals(t.width(), v.path("width").asInt(), "width");
        assertEquals(t.height(), v.path("height").asInt(), "height");
        assertEquals(0, t.width() % 2 + t.height() % 2, "even sizes");
        String sar = v.path("sample_aspect_ratio").asText("1:1");
        assertTrue(sar.equals("1:1") || sar.equals("N/A") || sar.isEmpty(), "square pixels, got SAR " + sar);
        assertTrue(v.path("side_data_list").isMissingNode() || !v.path("side_data_list").toString().contains("rotation"),
                "no rotation left to apply: " + v.path("side_data_list"));
        for (String tag : List.of("color_primaries", "color_transfer", "color_space")) {
            assertEquals("bt709", v.path(tag).asText(), tag);
        }
        assertEquals("tv", v.path("color_range").asText(), "limited range");
        assertTrue(List.of("progressive", "").contains(v.path("field_order").asText("")), "progressive: " + v.path("field_order"));
        assertTrue(v.path("nb_frames").asInt(0) >= 1, "at least one frame: " + v.path("nb_frames"));
        List<String> others = probe.streams().stream().map(s -> s.path("codec_type").asText())
                .filter(type -> !type.equals("video") && !type.equals("audio")).toList();
        assertEquals(List.of(), others, "subtitle, data and attachment streams are not carried");
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(out);
        assertTrue(TopLevelBoxes.index(boxes, "moov") < TopLevelBoxes.index(boxes, "mdat"), "index first: " + boxes);

        JsonNode manifest = JSON.readTree(Files.readAllBytes(dir.resolve("manifest.json")));
        JsonNode track = manifest.path("transcode").path("facts").path("audioTrack");
        if (t.audio().present()) {
            assertEquals(1, probe.audios().size(), "one audio stream: " + probe.streams());
            JsonNode a = probe.audios().get(0);
            assertEquals("aac", a.path("codec_name").asText());
            assertEquals(2, a.path("channels").asInt(), "stereo");
            assertEquals(48_000, a.path("sample_rate").asInt());
            t.audio().streamIndex().ifPresent(i -> assertEquals(i, track.path("streamIndex").asInt(-1), "manifest audioTrack: " + track));
            assertFalse(track.path("reason").asText().isBlank(), "the manifest says why this track: " + track);
            t.audio().hz().ifPresent(hz -> {
                double measured = Measure.pitchHz(out, ctx.work());
                assertTrue(Math.abs(measured - hz) < hz * 0.05, "carried the " + hz + " Hz track, measured " + measured + " Hz");
            });
        } else {
            assertEquals(0, probe.audios().size(), "no audio in, no audio out: " + probe.streams());
            assertTrue(track.isMissingNode() || track.isNull(), "no audio track recorded: " + track);
        }
        c.check().accept(new Output(ctx, out, c));
    }

    private static void assertRefused(Ctx ctx, Case c, Refused r, CliResult result, FileState source) throws IOException {
        assertEquals(r.exitCode(), result.exitCode(), result.describe());
        assertEquals(1, result.stderrLines().size(), "exactly one stderr line:\n" + result.stderr());
        String line = result.stderrLines().get(0);
        assertTrue(line.startsWith("media-worker: error: "), line);
        assertTrue(line.toLowerCase(java.util.Locale.ROOT).contains(r.keyword().toLowerCase(java.util.Locale.ROOT)),
                "the line names the problem (" + r.keyword() + "): " + line);
        String id = source.sha256().substring(0, 20);
        if (r.stage().equals("ingest")) {
            assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve("ingest")), "nothing ingested");
        }
        assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve("transcode")), "nothing transcoded");
        assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve(".work")), "no temporaries left");
        Path reason = ctx.root().resolve("failed").resolve(id).resolve("reason.json");
        if (r.recorded()) {
            assertTrue(Files.isRegularFile(reason), "no " + reason);
            JsonNode json = JSON.readTree(Files.readAllBytes(reason));
            assertEquals(r.exitCode(), json.path("exitCode").asInt(), json.toString());
            assertEquals(r.stage(), json.path("stage").asText(), json.toString());
            assertEquals(id, json.path("assetId").asText(), json.toString());
            assertFalse(json.path("reason").asText().isBlank(), json.toString());
        } else {
            assertFalse(Files.exists(reason), "nothing was judged, nothing recorded: " + reason);
        }
    }

    private static void assertFault(Ctx ctx, Fault f, String id, CliResult r) {
        assertEquals(4, r.exitCode(), r.describe());
        assertEquals(1, r.stderrLines().size(), "exactly one stderr line:\n" + r.stderr());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("media-worker: error: ") && line.contains(f.keyword()) && line.contains("not a fault of the media"), line);
        assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve("failed")), "a crash must not quarantine the asset");
        assertTrue(Files.isRegularFile(ctx.root().resolve("ingest").resolve(id).resolve("manifest.json")), "the ingested asset stays");
        assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve("transcode")), "no half transcode published");
        assertEquals(List.of(), FileState.entriesUnder(ctx.root().resolve(".work")), "no temporaries left");
    }

    /** The HTTP server saw nothing and no one opened the named pipe. */
    private static void baitsUntouched(Ctx ctx) {
        assertEquals(List.of(), http.requests(), "ffmpeg fetched a URL from the playlist");
        assertFalse(ctx.baits.fifo.wasOpened(), "ffmpeg opened the local file the playlist names");
    }

    /** The baits catch an unrestricted ffprobe: without that the playlist rows would prove nothing. */
    @Test
    void theBaitsCatchAnUnrestrictedFfprobe() {
        try (Baits baits = new Baits(work, http)) {
            Ctx ctx = new Ctx(work, work.resolve("content"));
            ctx.baits = baits;
            http.clear();
            // ffmpeg's file protocol already limits what a local playlist opens to file, crypto and data: widen it as a careless caller might.
            io.mediaworker.testing.ExternalProgram.run(List.of(GeneratedMedia.FFPROBE.toString(), "-v", "error",
                    "-protocol_whitelist", "file,http,tcp", hlsToUrl(ctx).toString()), Map.of(), 60);
            assertFalse(http.requests().isEmpty(), "ffprobe with http allowed fetches the HLS segment");
            io.mediaworker.testing.ExternalProgram.run(List.of(GeneratedMedia.FFPROBE.toString(), "-v", "error", hlsToFile(ctx).toString()),
                    Map.of(), 60);
            assertTrue(baits.fifo.wasOpened(), "ffprobe without a demuxer whitelist opens the local segment");
            http.clear();
        }
    }

    /** QC runs ffmpeg too: its crash must not turn into a QC failure (exit 5) or a quarantine either. */
    @Test
    void aCrashDuringQcIsNotAQcFailure() {
        Path root = work.resolve("content");
        Ctx ctx = new Ctx(work, root);
        String id = InProcessCli.run("ingest", corpus.baseline().toString(), "--content-root", root.toString()).stdout().strip();
        CliResult t = InProcessCli.run("transcode", id, "--content-root", root.toString(), "--profile", profile.toString());
        assertEquals(0, t.exitCode(), t.describe());
        CliResult qc = InProcessCli.run("qc", id, "--content-root", root.toString(), "--ffmpeg", wrapper(ctx, "segv").toString());
        assertEquals(4, qc.exitCode(), qc.describe());
        assertEquals(1, qc.stderrLines().size(), qc.stderr());
        assertTrue(qc.stderrLines().get(0).contains("SIGSEGV") && qc.stderrLines().get(0).contains("not a fault of the media"), qc.stderr());
        assertEquals(List.of(), FileState.entriesUnder(root.resolve("failed")), "nothing quarantined");
        assertEquals(List.of(), FileState.entriesUnder(root.resolve("output")), "nothing passed");
        assertTrue(Files.isRegularFile(root.resolve("transcode").resolve(id).resolve("manifest.json")), "the renditions stay for the retry");
    }

    // --- playlists, links, wrappers ------------------------------------------------------------------

    private static Path hlsToUrl(Ctx c) {
        return c.write("playlist.m3u8", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n"
                + http.url("segment0.ts") + "\n#EXT-X-ENDLIST\n");
    }

    private static Path hlsToFile(Ctx c) {
        return c.write("playlist-local.mp4", "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n"
                + c.baits.fifo.path() + "\n#EXT-X-ENDLIST\n");
    }

    private static Path ffconcat(Ctx c) {
        return c.write("list.mp4", "ffconcat version 1.0\nfile '" + c.baits.fifo.path() + "'\nfile '" + http.url("concat.mp4") + "'\n");
    }

    private static Path sdp(Ctx c) {
        return c.write("session.sdp", "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=corpus\nc=IN IP4 127.0.0.1\nt=0 0\n"
                + "m=video 5004 RTP/AVP 96\na=rtpmap:96 H264/90000\n");
    }

    /** content/inbox/clip.mp4, a link to the baseline file outside the root. */
    private static Path linkOutOfRoot(Ctx c) {
        try {
            Path inbox = Files.createDirectories(c.root().resolve("inbox"));
            return Files.createSymbolicLink(inbox.resolve("clip.mp4"), corpus.baseline());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void swapStoredSourceForLink(Ctx c, String id) {
        try {
            Path stored = c.root().resolve("ingest").resolve(id).resolve("source.mp4");
            Path outside = Files.copy(stored, c.work().resolve("outside.mp4"));
            Files.delete(stored);
            Files.createSymbolicLink(stored, outside);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An ffmpeg that runs the real one, except for the transcode (the run with a filter graph):
     * {@code segv} dies of SIGSEGV before starting it; {@code kill} starts it (reading at the
     * source's own pace) and SIGKILLs it 0.7 s later, as the kernel's OOM killer would.
     */
    private static Path wrapper(Ctx c, String mode) {
        // -re (read at the source's own pace) makes the 2 s encode last 2 s, so the kill lands mid-run.
        String crash = mode.equals("segv") ? "kill -SEGV $$" : "( sleep 0.7; kill -KILL $$ ) &\n    set -- -re \"$@\"\n    break";
        String script = "#!/bin/bash\nulimit -c 0\nfor a in \"$@\"; do\n  if [ \"$a\" = -filter_complex ]; then\n    " + crash + "\n  fi\ndone\n"
                + "exec " + GeneratedMedia.FFMPEG + " \"$@\"\n";
        try {
            Path dir = Files.createDirectories(c.work().resolve("fake-ffmpeg-" + mode));
            Path f = Files.writeString(dir.resolve("ffmpeg"), script);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path shared(String name) {
        return SharedMedia.file(name);
    }

}
