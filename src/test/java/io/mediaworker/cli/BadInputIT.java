package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.SharedMedia;
import java.io.IOException;
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
 * What {@code ingest} does with files that are not usable media (exit 3, one error line, the
 * source untouched, nothing in the stage folders, the reason recorded in failed/<id>/) and with
 * usage errors (exit 2, nothing written). In process, with real ffprobe.
 */
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path mediaDir;
    static GeneratedMedia media;

    @TempDir Path work;

    @BeforeAll
    static void setUp() {
        GeneratedMedia.assumeFfmpeg();
        media = new GeneratedMedia(mediaDir);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("empty file", GeneratedMedia::empty),
                bad("text named .mp4", GeneratedMedia::textAsMp4),
                bad("MP4 with moov at the end, cut in half", GeneratedMedia::truncatedMoovAtEnd),
                bad("faststart MP4 with mdat cut short", GeneratedMedia::truncatedFaststart),
                bad("44-byte WAV (shared)", m -> SharedMedia.file("sm_wav.wav")),
                bad("audio-only MP4 (shared)", m -> SharedMedia.file("ax_sample_audio_only.mp4")));
    }

    private static Arguments bad(String name, Function<GeneratedMedia, Path> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void unusableMediaExits3AndIsRecordedInFailed(String name, Function<GeneratedMedia, Path> make) throws IOException {
        Path source = make.apply(media);
        Path root = work.resolve("content");
        FileState before = FileState.of(source);

        CliResult r = InProcessCli.run("ingest", source.toString(), "--content-root", root.toString());

        assertEquals(3, r.exitCode(), r.describe());
        assertEquals(1, r.stderr().lines().count(), "stderr must be exactly one line:\n" + r.stderr());
        assertTrue(r.stderr().startsWith("media-worker: error:"), r.stderr());
        assertEquals("", r.stdout(), "no asset id on stdout for a rejected source");
        assertEquals(before, FileState.of(source), "the source was changed");
        for (String area : List.of("ingest", "transcode", "output", ".work")) {
            assertEquals(List.of(), FileState.entriesUnder(root.resolve(area)), area + "/ must hold nothing");
        }
        String id = before.sha256().substring(0, 20);
        assertEquals(List.of(id), FileState.entriesUnder(root.resolve("failed")).stream().filter(e -> !e.contains("/")).toList(),
                "failed/ must hold exactly the rejected asset");
        Path reason = root.resolve("failed").resolve(id).resolve("reason.json");
        assertTrue(Files.isRegularFile(reason), "no " + reason);
        JsonNode json = JSON.readTree(Files.readAllBytes(reason));
        assertEquals(3, json.path("exitCode").asInt(), json.toString());
        assertEquals(id, json.path("assetId").asText(), json.toString());
        assertEquals("ingest", json.path("stage").asText(), json.toString());
        assertFalse(json.path("reason").asText().isBlank(), "reason.json gives no reason: " + json);
    }

    @Test
    void missingFileExits3AndWritesNothing() {
        Path root = work.resolve("content");
        CliResult r = InProcessCli.run("ingest", work.resolve("no-such-file.mp4").toString(), "--content-root", root.toString());
        assertEquals(3, r.exitCode(), r.describe());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("media-worker: error:"), r.stderr());
        assertEquals(List.of(), FileState.filesUnder(root), "nothing may be written for a missing source");
    }

    @Test
    void unknownFlagIsAUsageError() {
        Path root = work.resolve("content");
        Path source = media.mp4();
        CliResult r = InProcessCli.run("ingest", source.toString(), "--content-root", root.toString(), "--no-such-flag");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("--no-such-flag"), "stderr should name the unknown flag:\n" + r.stderr());
        assertEquals(List.of(), FileState.filesUnder(root), "nothing may be written on a usage error");
    }

    @Test
    void transcodeOfAnAssetNeverIngestedIsAUsageError() {
        Path root = work.resolve("content");
        CliResult r = InProcessCli.run("transcode", "0123456789abcdef0123", "--content-root", root.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().startsWith("media-worker: error:"), r.stderr());
        assertEquals(List.of(), FileState.filesUnder(root), "nothing may be written for an unknown asset");
    }

    @Test
    void anAssetIdThatWouldLeaveItsFolderIsAUsageError() {
        Path root = work.resolve("content");
        Path source = media.mp4();
        FileState before = FileState.of(source);
        CliResult r = InProcessCli.run("ingest", source.toString(), "--asset-id", "../x", "--content-root", root.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().startsWith("media-worker: error:"), r.stderr());
        assertEquals(List.of(), FileState.filesUnder(root), "nothing may be written for an invalid asset id");
        assertFalse(Files.exists(root.resolve("x")) || Files.exists(work.resolve("x")), "something named x was created");
        assertEquals(before, FileState.of(source));
    }
}
