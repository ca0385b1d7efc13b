package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcode failures that cannot be caused for real on demand (a hung ffmpeg, a full disk): a
 * stand-in ffmpeg script answers -version/-filters/-encoders with the real ffmpeg, then misbehaves.
 * Checks the exit code, the one-line error, and that no partial file is left anywhere visible.
 */
class TranscodeFailureIT {
    private static final Path REAL_FFMPEG = Path.of("/usr/bin/ffmpeg");

    @TempDir Path dir;
    Path root;
    Path source;

    @BeforeEach
    void ingestAClip() throws Exception {
        assumeTrue(Files.isExecutable(REAL_FFMPEG), "needs ffmpeg at /usr/bin/ffmpeg");
        root = dir.resolve("content");
        source = dir.resolve("clip.mp4");
        Process p = new ProcessBuilder(REAL_FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast", source.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
    }

    @Test
    void aStalledFfmpegIsKilledAndTheJobExits4WithNoPartialFiles() throws Exception {
        Path fake = standIn("stall", "echo frame=1; touch \"$out\"; exec sleep 600");
        String id = ingest(fake);
        long started = System.nanoTime();
        Result r = cli("--ffmpeg", fake.toString(), "--stall-timeout", "2", "transcode", id);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(4, r.code, r.err);
        assertTrue(seconds < 20, "stall detected within seconds, took " + seconds);
        assertOneLine(r.err, "stalled");
        assertNoPartials(id);
        assertFalse(Files.exists(root.resolve("failed").resolve(id)), "a stall is not the media's fault: nothing quarantined");
    }

    @Test
    void aFullDiskExits4AndRemovesThePartialRenditions() throws Exception {
        Path fake = standIn("enospc", "echo partial > \"$out\"; echo 'av_interleaved_write_frame(): No space left on device' >&2; exit 1");
        String id = ingest(fake);
        Result r = cli("--ffmpeg", fake.toString(), "transcode", id);
        assertEquals(4, r.code, r.err);
        assertOneLine(r.err, "No space left on device");
        assertNoPartials(id);
    }

    @Test
    void aDecodeFailureIsTheMediasFaultExit3WithAReason() throws Exception {
        Path fake = standIn("corrupt", "echo '[h264 @ 0x1] Invalid NAL unit size' >&2; echo 'Error while decoding stream #0:0: Invalid data found when processing input' >&2; exit 1");
        String id = ingest(fake);
        Result r = cli("--ffmpeg", fake.toString(), "transcode", id);
        assertEquals(3, r.code, r.err);
        assertOneLine(r.err, "Invalid data found");
        assertNoPartials(id);
        JsonNode reason = new ObjectMapper().readTree(root.resolve("failed").resolve(id).resolve("reason.json").toFile());
        assertEquals(3, reason.path("exitCode").asInt());
        assertEquals("transcode", reason.path("stage").asText());
        assertTrue(Files.exists(root.resolve("ingest").resolve(id).resolve("source.mp4")), "the ingested source stays");
    }

    @Test
    void ffmpegExitingZeroWithoutOutputIsCaught() throws Exception {
        Path fake = standIn("silent", "exit 0");
        String id = ingest(fake);
        Result r = cli("--ffmpeg", fake.toString(), "transcode", id);
        assertEquals(3, r.code, r.err);
        assertOneLine(r.err, "produced no");
        assertNoPartials(id);
    }

    private String ingest(Path ffmpeg) {
        Result r = cli("--ffmpeg", ffmpeg.toString(), "ingest", source.toString());
        assertEquals(0, r.code, r.err);
        return r.out.trim();
    }

    /** A shell script named ffmpeg: real answers to capability queries, {@code body} for any real work ($out is the last output). */
    private Path standIn(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + name));
        Path script = bin.resolve("ffmpeg");
        Files.writeString(script, "#!/bin/sh\n"
                + "case \"$*\" in *-version*|*-filters*|*-encoders*) exec " + REAL_FFMPEG + " \"$@\";; esac\n"
                + "for a in \"$@\"; do out=\"${a#file:}\"; done\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private void assertNoPartials(String id) throws IOException {
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)), "nothing published in transcode/");
        assertFalse(Files.exists(root.resolve("output").resolve(id)), "nothing in output/");
        try (Stream<Path> work = Files.list(root.resolve(".work"))) {
            List<Path> left = work.toList();
            assertTrue(left.isEmpty(), "staging cleaned up, found " + left);
        }
    }

    private static void assertOneLine(String err, String mention) {
        List<String> lines = err.lines().filter(l -> l.startsWith("media-worker:")).toList();
        assertEquals(1, lines.size(), "exactly one error line in: " + err);
        assertTrue(lines.get(0).startsWith("media-worker: error: "), lines.get(0));
        assertTrue(lines.get(0).contains(mention), lines.get(0) + " mentions " + mention);
    }

    private record Result(int code, String out, String err) {}

    private Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--content-root", root.toString()), Stream.of(args)).toArray(String[]::new);
        int code = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), new StageContextFactory()).execute(all);
        return new Result(code, out.toString(), err.toString());
    }
}
