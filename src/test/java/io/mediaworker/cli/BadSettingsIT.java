package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings a job definition could get wrong are usage errors (exit 2: Batch does not retry them),
 * never a transient failure retried forever or a silent reinterpretation.
 */
class BadSettingsIT {
    @TempDir Path dir;

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(List.of("--stall-timeout", "0", "transcode", "any-asset"), "--stall-timeout"),
                Arguments.of(List.of("--stall-timeout", "-5", "qc", "any-asset"), "--stall-timeout"),
                Arguments.of(List.of("qc", "any-asset", "--duration-tolerance", "-1"), "--duration-tolerance"),
                Arguments.of(List.of("transcode", "any-asset", "--max-nvenc-sessions", "-3", "--dry-run"), "--max-nvenc-sessions"),
                Arguments.of(List.of("--ffmpeg", "/bin/true", "doctor"), "is not an ffmpeg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadSettingIsAUsageErrorNamingIt(List<String> args, String named) {
        List<String> all = new ArrayList<>(List.of("--content-root", dir.resolve("content").toString()));
        all.addAll(args);
        CliResult r = InProcessCli.run(all.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.describe());
        List<String> errors = r.stderrLines().stream().filter(l -> l.startsWith("media-worker: error:")).toList();
        assertEquals(1, errors.size(), r.describe());
        assertTrue(errors.get(0).contains(named), r.describe());
    }

    /** A non-ffmpeg that exits 0 and writes nothing must not get good media quarantined as bad input. */
    @Test
    void aNonFfmpegIsRefusedBeforeIngestRecordsAnything() {
        GeneratedMedia.assumeFfmpeg();
        Path source = new GeneratedMedia(dir).mp4();
        Path root = dir.resolve("content");
        CliResult r = InProcessCli.run("--content-root", root.toString(), "--ffmpeg", "/bin/true", "ingest", source.toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("/bin/true is not an ffmpeg"), r.describe());
        assertTrue(!root.resolve("failed").toFile().exists() || root.resolve("failed").toFile().list().length == 0, "nothing quarantined");
        assertTrue(!root.resolve("ingest").toFile().exists() || root.resolve("ingest").toFile().list().length == 0, "nothing ingested");
    }

    @Test
    void aContentRootThatIsAFileIsAUsageError() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("not-a-folder"), "x");
        CliResult r = InProcessCli.run("--content-root", file.toString(), "transcode", "any-asset");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("is not a folder"), r.describe());
        assertEquals("x", java.nio.file.Files.readString(file));
    }

    @Test
    void everySubcommandAnswersVersionLikeTheTopLevel() {
        String top = InProcessCli.run("--version").stdout().lines().findFirst().orElse("");
        assertTrue(top.startsWith("media-worker "), top);
        for (String sub : List.of("ingest", "transcode", "qc", "deliver", "run", "doctor")) {
            CliResult r = InProcessCli.run(sub, "--version");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(top, r.stdout().lines().findFirst().orElse(""), sub);
        }
    }
}
