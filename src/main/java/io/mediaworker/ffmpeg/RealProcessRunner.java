package io.mediaworker.ffmpeg;

import io.mediaworker.LocaleRelaunch;
import io.mediaworker.model.TransientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Starts programs with {@link ProcessBuilder}: stdin closed, stdout and stderr drained on their
 * own threads (a full pipe would block ffmpeg), a watchdog that kills the process and all its
 * children when it runs too long or goes quiet. Thread-safe; {@link #cancelAll()} is for shutdown.
 */
public final class RealProcessRunner implements ProcessRunner {
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    @Override
    public ProcessResult run(ProcessSpec spec) {
        long started = System.nanoTime();
        Process process = start(spec);
        live.add(process);
        try {
            AtomicLong lastActivity = new AtomicLong(System.nanoTime());
            StringBuilder stdout = new StringBuilder();
            Deque<String> stderrTail = new ArrayDeque<>();
            Consumer<String> onStdout = spec.stdoutLines().orElse(line -> {
                synchronized (stdout) { stdout.append(line).append('\n'); }
            });
            Thread out = drain(process.getInputStream(), line -> { lastActivity.set(System.nanoTime()); onStdout.accept(line); });
            Thread err = drain(process.getErrorStream(), line -> {
                lastActivity.set(System.nanoTime());
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > spec.stderrLinesKept()) stderrTail.removeFirst();
                }
            });
            ProcessResult.Ending ending = watch(process, spec, started, lastActivity);
            join(out);
            join(err);
            List<String> tail;
            synchronized (stderrTail) { tail = new ArrayList<>(stderrTail); }
            return new ProcessResult(spec.command(), ending, process.exitValue(), stdout.toString(), tail,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            live.remove(process);
        }
    }

    /** Kills every program still running; later runs end at once as CANCELLED. */
    public void cancelAll() {
        cancelled = true;
        live.forEach(RealProcessRunner::killTree);
    }

    private ProcessResult.Ending watch(Process process, ProcessSpec spec, long started, AtomicLong lastActivity) {
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (cancelled) return kill(process, ProcessResult.Ending.CANCELLED);
                if (spec.timeout().isPresent() && now - started > spec.timeout().get().toNanos()) {
                    return kill(process, ProcessResult.Ending.TIMED_OUT);
                }
                if (spec.stallTimeout().isPresent() && now - lastActivity.get() > spec.stallTimeout().get().toNanos()) {
                    return kill(process, ProcessResult.Ending.STALLED);
                }
            }
            return cancelled ? ProcessResult.Ending.CANCELLED : ProcessResult.Ending.EXITED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kill(process, ProcessResult.Ending.CANCELLED);
        }
    }

    private static ProcessResult.Ending kill(Process process, ProcessResult.Ending why) {
        killTree(process);
        return why;
    }

    /** SIGTERM to the children and the process, then SIGKILL to whatever is left after a grace period. */
    private static void killTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Process start(ProcessSpec spec) {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove(LocaleRelaunch.ARGV_VARIABLE);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new TransientException("cannot start " + spec.program() + ": " + e.getMessage(), e);
        }
    }

    private static Thread drain(InputStream stream, Consumer<String> lines) {
        java.util.Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap(); // log lines from listeners keep the job's identity
        Thread t = new Thread(() -> {
            if (mdc != null) org.slf4j.MDC.setContextMap(mdc);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    // ffmpeg ends progress lines with \r on terminals; keep what follows the last one.
                    int cr = line.lastIndexOf('\r');
                    lines.accept(cr >= 0 ? line.substring(cr + 1) : line);
                }
            } catch (IOException ignored) {
                // The process died and closed its pipe: its exit code tells the story.
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
