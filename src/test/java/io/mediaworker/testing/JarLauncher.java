package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged jar as a user would: {@code java -jar target/media-worker.jar ARGS} in a child
 * process with the given changes to the inherited environment. Failsafe runs ITs after packaging.
 */
public final class JarLauncher {
    public static final Path JAR = Path.of("target", "media-worker.jar").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * The worker waits on ffmpeg and lives seconds: the quick JIT tier alone starts ~0.1 s sooner,
     * which the hundreds of worker runs in the ITs add up to. The product itself runs with defaults.
     */
    public static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private JarLauncher() {}

    public static CliResult run(Map<String, String> environmentChanges, List<String> args) {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the ITs with `mvn verify`, which packages it first");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                QUICK_START, "-jar", JAR.toString()));
        cmd.addAll(args);
        ExternalProgram.Result r = ExternalProgram.run(cmd, environmentChanges, TIMEOUT_SECONDS);
        return new CliResult(r.exitCode(), r.stdout(), r.stderr());
    }

    public static CliResult run(List<String> args) {
        return run(Map.of(), args);
    }
}
