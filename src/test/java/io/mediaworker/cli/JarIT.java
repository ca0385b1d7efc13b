package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.ExternalProgram;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.JarLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as a user runs it: {@code java -jar target/media-worker.jar ...} in a child process. */
class JarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAST_PROFILE = """
            {"name": "fast", "preset": "veryfast",
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

    @Test
    void helpExits0AndShowsTheExitCodes() {
        CliResult r = JarLauncher.run(List.of("--help"));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("Usage: media-worker"), r.describe());
        assertTrue(r.stdout().contains("Exit codes:") && r.stdout().contains("143"), r.describe());
        for (String command : List.of("ingest", "transcode", "qc", "deliver", "run")) {
            assertTrue(r.stdout().contains(command), "--help does not list " + command + ":\n" + r.stdout());
        }
    }

    @Test
    void anUnknownFlagExits2() {
        CliResult r = JarLauncher.run(List.of("ingest", "clip.mp4", "--no-such-flag"));
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("--no-such-flag"), r.describe());
        assertEquals("", r.stdout(), r.describe());
    }

    @Test
    void versionExits0AndNamesTheFfmpegInUse() {
        String banner = ExternalProgram.check(List.of(GeneratedMedia.FFMPEG.toString(), "-version"), 60);
        Matcher m = Pattern.compile("^ffmpeg version (\\S+)").matcher(banner);
        assertTrue(m.find(), banner);
        CliResult r = JarLauncher.run(Map.of("PATH", "/usr/bin:/bin"), List.of("--version"));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("media-worker "), r.describe());
        String ffmpegLine = r.stdout().lines().filter(l -> l.startsWith("ffmpeg ")).findFirst().orElse("");
        assertTrue(ffmpegLine.contains(m.group(1)) && ffmpegLine.contains(GeneratedMedia.FFMPEG.toString()),
                "the version line should name ffmpeg " + m.group(1) + " at " + GeneratedMedia.FFMPEG + ":\n" + r.stdout());
    }

    /** Under LANG=C the JVM cannot name non-ASCII files; the worker relaunches itself under C.UTF-8. */
    @Test
    void runWorksOnANonAsciiPathUnderTheCLocale() throws IOException {
        Path folder = Files.createDirectories(work.resolve("Ünïcødé 日本"));
        Path source = Files.copy(media.mp4(), folder.resolve("clip é.mp4"));
        Path root = work.resolve("content"), dest = folder.resolve("délivré");

        CliResult r = JarLauncher.run(Map.of("LANG", "C", "LC_ALL", "C"),
                List.of("run", source.toString(), "--to", dest.toString(), "--content-root", root.toString(),
                        "--profile", profile.toString()));

        assertEquals(0, r.exitCode(), r.describe());
        String id = r.stdout().trim();
        assertEquals(FileState.sha256(source).substring(0, 20), id, r.describe());
        for (String rendition : List.of("360p.mp4", "240p.mp4")) {
            Path delivered = dest.resolve(id).resolve(rendition);
            assertTrue(Files.isRegularFile(delivered) && Files.size(delivered) > 0, "not delivered: " + delivered);
        }
        JsonNode manifest = JSON.readTree(new String(Files.readAllBytes(root.resolve("ingest").resolve(id).resolve("manifest.json")),
                StandardCharsets.UTF_8));
        List<String> originalNames = manifest.findValuesAsText("originalName");
        assertEquals(List.of("clip é.mp4"), originalNames, "manifest: " + manifest);
    }

    @Test
    void jsonLogFormatWritesOnlyJsonLinesToStderr() {
        Path root = work.resolve("content"), dest = work.resolve("dest");
        CliResult r = JarLauncher.run(List.of("--log-format", "json", "run", media.mp4().toString(), "--to", dest.toString(),
                "--content-root", root.toString(), "--profile", profile.toString()));
        assertEquals(0, r.exitCode(), r.describe());
        List<String> lines = r.stderrLines();
        assertFalse(lines.isEmpty(), "no log lines at all:\n" + r.describe());
        for (String line : lines) {
            try {
                JsonNode node = JSON.readTree(line);
                assertTrue(node.isObject() && node.has("level") && node.has("message"), "not a log object: " + line);
            } catch (IOException e) {
                fail("stderr line is not JSON: " + line + "\n" + r.describe());
            }
        }
    }

    @Test
    void transcodeDryRunPrintsTheCommandAndRunsNothing() {
        Path root = work.resolve("content");
        CliResult ingest = JarLauncher.run(List.of("ingest", media.mp4().toString(), "--content-root", root.toString()));
        assertEquals(0, ingest.exitCode(), ingest.describe());
        String id = ingest.stdout().trim();

        CliResult dry = JarLauncher.run(List.of("transcode", id, "--dry-run", "--content-root", root.toString(),
                "--profile", profile.toString()));

        assertEquals(0, dry.exitCode(), dry.describe());
        assertTrue(dry.stdout().contains("-filter_complex"), dry.describe());
        assertTrue(dry.stdout().contains(root.resolve("ingest").resolve(id).toString()), "the command should read the ingested copy:\n" + dry.stdout());
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)), "a dry run created transcode/" + id);
        assertEquals(List.of(), FileState.entriesUnder(root.resolve(".work")), "a dry run left files in .work");
    }
}
