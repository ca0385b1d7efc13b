package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with real processes (sh, sleep): draining, tails, and the watchdog killing whole trees. */
class RealProcessRunnerTest {
    private final RealProcessRunner runner = new RealProcessRunner();

    @Test
    void capturesStdoutAndTheTailOfStderrSeparately() {
        ProcessResult r = runner.run(ProcessSpec.capture(List.of("sh", "-c",
                "echo out1; echo out2; i=0; while [ $i -lt 100 ]; do echo err$i >&2; i=$((i+1)); done; exit 3"), Duration.ofSeconds(10)));
        assertEquals(ProcessResult.Ending.EXITED, r.ending());
        assertEquals(3, r.exitCode());
        assertEquals("out1\nout2\n", r.stdout());
        assertEquals(ProcessSpec.STDERR_TAIL_LINES, r.stderrTail().size());
        assertEquals("err99", r.lastError());
        assertEquals("err60", r.stderrTail().get(0));
    }

    @Test
    void streamsStdoutLinesToTheListener() {
        List<String> lines = new ArrayList<>();
        ProcessResult r = runner.run(ProcessSpec.streaming(List.of("sh", "-c", "printf 'a=1\\nprogress=end\\n'"),
                Duration.ofSeconds(5), lines::add));
        assertTrue(r.succeeded());
        assertEquals(List.of("a=1", "progress=end"), lines);
        assertEquals("", r.stdout());
    }

    @Test
    void killsAStalledProcessAndItsChildren(@TempDir Path dir) throws Exception {
        Path childPid = dir.resolve("child.pid");
        long started = System.nanoTime();
        // The shell starts a child that would outlive it, then goes quiet.
        ProcessResult r = runner.run(ProcessSpec.streaming(List.of("sh", "-c",
                "sleep 300 & echo $! > " + childPid + "; echo started; wait"), Duration.ofSeconds(1), line -> { }));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(ProcessResult.Ending.STALLED, r.ending());
        assertTrue(seconds < 10, "killed within seconds, took " + seconds);
        long pid = Long.parseLong(Files.readString(childPid).trim());
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        for (int i = 0; i < 50 && child.map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "the child sleep " + pid + " was killed too");
    }

    @Test
    void aProcessThatKeepsTalkingIsNotStalled() {
        ProcessResult r = runner.run(ProcessSpec.streaming(List.of("sh", "-c",
                "for i in 1 2 3 4 5 6; do echo tick; sleep 0.4; done"), Duration.ofSeconds(1), line -> { }));
        assertTrue(r.succeeded(), r.describe());
    }

    @Test
    void enforcesTheOverallTimeout() {
        ProcessResult r = runner.run(ProcessSpec.capture(List.of("sleep", "30"), Duration.ofMillis(500)));
        assertEquals(ProcessResult.Ending.TIMED_OUT, r.ending());
        assertFalse(r.succeeded());
    }

    @Test
    void cancelAllEndsRunningProcesses() throws Exception {
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ignored) {
                return;
            }
            runner.cancelAll();
        });
        canceller.start();
        ProcessResult r = runner.run(ProcessSpec.capture(List.of("sleep", "30"), Duration.ofSeconds(20)));
        canceller.join();
        assertEquals(ProcessResult.Ending.CANCELLED, r.ending());
    }
}
