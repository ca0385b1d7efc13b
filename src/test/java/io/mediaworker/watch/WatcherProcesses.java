package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.JarLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Watchers as separate processes of the real jar on one content tree, each with its own stdout
 * and stderr file, and a stand-in ffmpeg/ffprobe pair that appends every command line to a log
 * before running the real program: a record of the work done that does not depend on what the
 * worker says about itself.
 */
final class WatcherProcesses {
    private final Path dir;
    private final Path root;
    private final Path bin;
    private final Path calls;
    private int started;

    /** One started watcher and where its output goes. */
    record Watcher(Process process, Path stdout, Path stderr) {
        List<String> stdoutLines() { return lines(stdout); }

        String stderrText() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int awaitExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("watcher did not end within " + limit + "\n" + stderrText());
            }
            return process.exitValue();
        }
    }

    WatcherProcesses(Path dir) throws IOException {
        this.dir = dir;
        this.root = dir.resolve("content");
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.calls = dir.resolve("calls.log");
        standIn("ffmpeg", GeneratedMedia.FFMPEG);
        standIn("ffprobe", GeneratedMedia.FFPROBE);
    }

    Path root() { return root; }

    Watcher start(String... args) throws IOException {
        int n = ++started;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                JarLauncher.QUICK_START, "-jar", JarLauncher.JAR.toString(), "--content-root", root.toString(), "--ffmpeg", bin.resolve("ffmpeg").toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("watcher-" + n + ".out");
        Path err = dir.resolve("watcher-" + n + ".err");
        return new Watcher(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Starts {@code count} watchers with the same arguments at once and waits for all of them. */
    List<Watcher> runConcurrently(int count, String... args) throws IOException, InterruptedException {
        List<Watcher> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(start(args));
        for (Watcher w : all) {
            int code = w.awaitExit(Duration.ofMinutes(4));
            assertTrue(code == 0, "watcher exited " + code + ":\n" + w.stderrText());
        }
        return all;
    }

    /** Every command line the stand-ins ran, in order. */
    List<String> calls() {
        return Files.exists(calls) ? lines(calls) : List.of();
    }

    /** The distinct matches of {@code pattern}'s first group over all calls (each ingest, each transcode, has its own staging folder). */
    List<String> distinct(Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String call : calls()) {
            Matcher m = pattern.matcher(call);
            while (m.find()) if (!found.contains(m.group(1))) found.add(m.group(1));
        }
        return found;
    }

    /** Leases and temporaries left in {@code .work/} (the watchers' records in {@code .work/watch/} are meant to stay). */
    List<String> leftInWork() throws IOException {
        List<String> left = new ArrayList<>();
        Path work = root.resolve(".work");
        if (!Files.exists(work)) return left;
        try (Stream<Path> s = Files.walk(work)) {
            s.filter(Files::isRegularFile).map(p -> work.relativize(p).toString()).filter(p -> !p.startsWith("watch/")).forEach(left::add);
        }
        return left;
    }

    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private void standIn(String name, Path real) throws IOException {
        Path script = bin.resolve(name);
        // The log line is written before exec: a run counts even if it is killed.
        Files.writeString(script, "#!/bin/sh\nprintf '%s %s\\n' '" + name + "' \"$*\" >> '" + calls + "'\nexec '" + real + "' \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
