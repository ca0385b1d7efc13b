package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.content.Lease;
import io.mediaworker.content.LeaseOwner;
import io.mediaworker.content.LeaseStore;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.TransientException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's sequencing with a recording job and real lease files: what is claimed, run, recorded and retried. */
class WatchLoopTest {
    @TempDir Path dir;
    private final StringWriter stdout = new StringWriter();

    /** Work items as names; each may be set to fail, or to be found done after the claim. */
    static class RecordingJob implements WatchLoop.Job<String> {
        final TreeSet<String> todo = new TreeSet<>();
        final Map<String, RuntimeException> failures = new HashMap<>();
        final Set<String> doneMeanwhile = new HashSet<>();
        final List<String> processed = new ArrayList<>();
        final Map<String, ExitCode> recorded = new HashMap<>();
        final Set<String> finished = new HashSet<>();

        @Override public String name() { return "test"; }

        @Override
        public Round<String> poll(Backoff backoff, Instant now) {
            List<String> ready = new ArrayList<>();
            int deferred = 0;
            for (String item : todo) {
                if (finished.contains(item) || recorded.containsKey(item)) continue;
                if (backoff.readyAt(item, now)) ready.add(item); else deferred++;
            }
            return new Round<>(ready, 0, deferred);
        }

        @Override public String key(String item) { return item; }

        @Override public String describe(String item) { return item; }

        @Override public boolean stillDue(String item) { return !doneMeanwhile.contains(item); }

        @Override
        public Optional<String> process(String item) {
            processed.add(item);
            RuntimeException failure = failures.get(item);
            if (failure != null) throw failure;
            finished.add(item);
            return Optional.of(item);
        }

        @Override public void recordFailure(String item, ExitCode code, String reason) { recorded.put(item, code); }
    }

    private WatchLoop<String> loop(RecordingJob job) {
        LeaseStore leases = new LeaseStore(dir.resolve("leases"), LeaseOwner.thisProcess("test-host"), Clock.systemUTC(), Duration.ofSeconds(30));
        return new WatchLoop<>(job, leases, Clock.systemUTC(), new WatchSettings(Duration.ofMillis(50), Duration.ofSeconds(30), true),
                new PrintWriter(stdout));
    }

    @Test
    void onceDoesEachItemOnceAndPrintsItsId() {
        RecordingJob job = new RecordingJob();
        job.todo.addAll(List.of("a", "b", "c"));
        assertEquals(0, loop(job).run());
        assertEquals(List.of("a", "b", "c"), job.processed);
        assertEquals(List.of("a", "b", "c"), stdout.toString().lines().toList());
        assertTrue(Files.exists(dir.resolve("leases")));
        assertEquals(0, dir.resolve("leases").toFile().list().length, "every lease released");
    }

    @Test
    void badMediaIsRecordedAndNotRetriedTransientFailuresWaitAndOnceExits4() {
        RecordingJob job = new RecordingJob();
        job.todo.addAll(List.of("bad", "flaky", "good"));
        job.failures.put("bad", new InvalidInputException("not media"));
        job.failures.put("flaky", new TransientException("EFS hiccup"));
        assertEquals(ExitCode.TRANSIENT.code(), loop(job).run());
        assertEquals(List.of("bad", "flaky", "good"), job.processed, "each tried once");
        assertEquals(Map.of("bad", ExitCode.INVALID_INPUT), job.recorded);
        assertEquals(List.of("good"), stdout.toString().lines().toList());
    }

    @Test
    void anItemLeasedByAnotherWorkerIsLeftToIt() {
        RecordingJob job = new RecordingJob();
        job.todo.addAll(List.of("mine", "theirs"));
        LeaseStore other = new LeaseStore(dir.resolve("leases"), new LeaseOwner("other", "elsewhere", 7), Clock.systemUTC(), Duration.ofSeconds(30));
        LeaseStore.Held held = other.tryAcquire("theirs").orElseThrow();
        assertEquals(0, loop(job).run());
        assertEquals(List.of("mine"), job.processed);
        Lease still = other.peek("theirs").orElseThrow();
        assertTrue(still.sameGeneration(held.lease()), "their lease untouched");
    }

    /** The worker stalls past its lease, another takes the item over: the stalled work is stopped and nothing recorded. */
    @Test
    void aLostLeaseStopsTheWorkAndLeavesTheItemToTheTaker() {
        Path leaseDir = dir.resolve("leases");
        LeaseStore taker = new LeaseStore(leaseDir, new LeaseOwner("taker", "elsewhere", 9), Clock.systemUTC(), Duration.ofSeconds(60));
        RecordingJob job = new RecordingJob() {
            @Override
            public Optional<String> process(String item) {
                processed.add(item);
                try {
                    java.nio.file.Files.delete(leaseDir.resolve(item + ".lease")); // as if it expired and was taken over
                    taker.tryAcquire(item).orElseThrow();
                    Thread.sleep(20_000); // the renewer finds the lease lost and interrupts this
                } catch (InterruptedException e) {
                    throw new TransientException("stopped: " + e);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                finished.add(item);
                return Optional.of(item);
            }
        };
        job.todo.add("slow");
        LeaseStore mine = new LeaseStore(leaseDir, LeaseOwner.thisProcess("test-host"), Clock.systemUTC(), Duration.ofMillis(1500));
        WatchLoop<String> loop = new WatchLoop<>(job, mine, Clock.systemUTC(),
                new WatchSettings(Duration.ofMillis(50), Duration.ofSeconds(3), true), new PrintWriter(stdout));
        long started = System.nanoTime();
        assertEquals(0, loop.run(), "the taker holds it now: nothing left for us");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "stopped long before the 20 s of work");
        assertEquals(List.of("slow"), job.processed);
        assertEquals(Map.of(), job.recorded, "an abandoned item is not recorded as failed");
        assertEquals("", stdout.toString());
        assertEquals("taker", taker.peek("slow").orElseThrow().owner());
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt does not leak");
    }

    @Test
    void anItemFinishedBetweenPollAndClaimIsNotRunAgain() {
        RecordingJob job = new RecordingJob() {
            @Override
            public Round<String> poll(Backoff backoff, Instant now) {
                Round<String> r = super.poll(backoff, now);
                finished.addAll(doneMeanwhile); // the next poll sees what the other worker published
                return r;
            }
        };
        job.todo.addAll(List.of("a", "b"));
        job.doneMeanwhile.add("a");
        assertEquals(0, loop(job).run());
        assertEquals(List.of("b"), job.processed);
    }
}
