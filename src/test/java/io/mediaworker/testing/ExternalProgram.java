package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program the tests need (ffmpeg, ffprobe, java) from an argument list, draining stdout and
 * stderr concurrently, and returns both with the exit code. Never a shell string.
 */
public final class ExternalProgram {
    private ExternalProgram() {}

    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(List<String> command, Map<String, String> environmentChanges, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environmentChanges);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and fails the test with the program's stderr unless it exits 0. */
    public static String check(List<String> command, long timeoutSeconds) {
        Result r = run(command, Map.of(), timeoutSeconds);
        if (r.exitCode() != 0) fail(command.get(0) + " exited " + r.exitCode() + ": " + command + "\n" + r.stderr());
        return r.stdout();
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        // A thread of its own per stream: the common pool may have one thread on a small machine,
        // and a program blocked writing stderr while stdout is drained would never end.
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                result.complete(buf.toByteArray());
            } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
