package io.mediaworker.watch;

import io.mediaworker.content.LeaseOwner;
import io.mediaworker.content.LeaseStore;
import io.mediaworker.log.LogSetup;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.Termination;
import io.mediaworker.model.WorkerException;
import io.mediaworker.stage.StageContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop every watcher shares: poll, claim the first ready item whose lease nobody
 * else holds, check it is still due, run the stage on it with the lease renewed in the
 * background, release, and poll again; sleep for the poll interval when nothing could be
 * claimed. One item at a time. The decisions are the job's pure planners'; this class only
 * sequences the effects.
 *
 * <p>After a failure the stage's exit code decides (see {@link Disposition}): bad input and QC
 * failures are recorded and never taken again, transient ones wait for a backoff, a SIGTERM ends
 * the loop (the stage has already stopped ffmpeg and removed its partials; the lease is released)
 * with exit 143. With {@code once} the loop ends when nothing is ready and nothing is settling:
 * exit 0, or 4 when some item is left waiting after a transient failure.
 */
public final class WatchLoop<T> {
    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);
    private static final Duration NAP = Duration.ofMillis(100);
    /** A temporary lease file lives for milliseconds; one this old belongs to a worker that died. */
    private static final Duration DEBRIS_IDLE = Duration.ofHours(1);

    /** One stage's view of its work; the effects of observing and doing it. */
    public interface Job<T> {
        /** Names the stage in logs and the folders of its leases and records ({@code .work/leases/<name>/}). */
        String name();

        /** Observes the work there is now (listing folders, reading records) and plans the round. */
        Round<T> poll(Backoff backoff, java.time.Instant now);

        /** The lease and record key: one safe path segment. */
        String key(T item);

        String describe(T item);

        /** Checked after the claim: another worker may have done the item between our poll and our claim. */
        boolean stillDue(T item);

        /** The stage as logs name it (without the destination digest deliver's folders carry). */
        default String stage() { return name(); }

        /** The asset the item is, when known before the stage runs (ingest learns it from the bytes). */
        default Optional<String> assetId(T item) { return Optional.empty(); }

        /** Runs the stage; returns the line to print on stdout (the asset id). Throws the stage's exceptions. */
        Optional<String> process(T item);

        /** Remembers a permanent failure so that no watcher takes the item again. */
        void recordFailure(T item, ExitCode code, String reason);
    }

    private final Job<T> job;
    private final LeaseStore leases;
    private final Clock clock;
    private final WatchSettings settings;
    private final PrintWriter out;
    private Backoff backoff = Backoff.none();

    public WatchLoop(Job<T> job, LeaseStore leases, Clock clock, WatchSettings settings, PrintWriter out) {
        this.job = job;
        this.leases = leases;
        this.clock = clock;
        this.settings = settings;
        this.out = out;
    }

    /** The loop for {@code job} with this process's leases in {@code .work/leases/<name>/}. */
    public static <T> WatchLoop<T> of(StageContext ctx, Job<T> job, WatchSettings settings, PrintWriter out) {
        LeaseStore store = new LeaseStore(ctx.tree().work().resolve("leases").resolve(job.name()),
                LeaseOwner.thisProcess(ctx.host()), ctx.clock(), settings.leaseTtl());
        return new WatchLoop<>(job, store, ctx.clock(), settings, out);
    }

    /** Watches until SIGTERM (exit 143 by exception) or, with {@code once}, until drained; returns the exit code. */
    public int run() {
        LOG.info("{} watcher {} polling every {} s{}", job.stage(), leases.owner().id(), settings.pollInterval().toMillis() / 1000.0,
                settings.once() ? " until drained" : "");
        int swept = leases.sweepDebris(DEBRIS_IDLE);
        if (swept > 0) LOG.info("removed {} entries left in the lease folder by workers that died", swept);
        while (true) {
            Termination.check("watching for " + job.stage() + " work");
            Round<T> round = job.poll(backoff, clock.instant());
            if (claimOne(round)) continue;
            if (settings.once() && round.waiting() == 0) {
                if (round.deferred() > 0) {
                    LOG.warn("{} item(s) left after transient failures; a later run tries them again", round.deferred());
                    return ExitCode.TRANSIENT.code();
                }
                LOG.info("nothing left to {}", job.stage());
                return ExitCode.OK.code();
            }
            sleep(settings.pollInterval());
        }
    }

    /** Claims and works on the first ready item nobody else holds; false when there was none. */
    private boolean claimOne(Round<T> round) {
        for (T item : round.ready()) {
            if (Termination.requested()) return false;
            Optional<LeaseStore.Held> held = leases.tryAcquire(job.key(item));
            if (held.isEmpty()) continue; // another worker has it
            work(item, held.get());
            return true;
        }
        return false;
    }

    private void work(T item, LeaseStore.Held held) {
        String key = job.key(item);
        Thread worker = Thread.currentThread();
        LeaseRenewer renewer = new LeaseRenewer(leases, held, worker::interrupt);
        try {
            if (!job.stillDue(item)) {
                LOG.debug("{}: done by another worker meanwhile", job.describe(item));
                return;
            }
            org.slf4j.MDC.remove("assetId"); // the previous asset's
            LogSetup.stage(job.stage(), job.assetId(item).orElse(null));
            LOG.info("claimed {}", job.describe(item));
            Optional<String> line = job.process(item);
            backoff = backoff.cleared(key);
            line.ifPresent(out::println);
            out.flush();
        } catch (RuntimeException e) {
            if (Termination.requested()) throw e;
            if (renewer.lost()) {
                LOG.warn("abandoned {} after losing its lease: {}", job.describe(item), e.getMessage());
                return;
            }
            onFailure(item, key, e);
        } finally {
            renewer.close();
            org.slf4j.MDC.remove("assetId");
            if (renewer.lost()) Thread.interrupted(); // the interrupt was ours, to stop the abandoned work
        }
    }

    private void onFailure(T item, String key, RuntimeException e) {
        ExitCode code = e instanceof WorkerException w ? w.exitCode() : ExitCode.INTERNAL;
        if (code == ExitCode.INTERNAL) LOG.error("internal error on " + job.describe(item), e);
        switch (Disposition.of(code)) {
            case PERMANENT -> {
                try {
                    job.recordFailure(item, code, oneLine(e));
                    LOG.error("{} failed (exit {}): {}; recorded, not taken again", job.describe(item), code.code(), oneLine(e));
                } catch (RuntimeException r) {
                    backoff = backoff.failed(key, clock.instant(), settings.pollInterval());
                    LOG.warn("{} failed (exit {}) and the failure could not be recorded ({}); tried again later",
                            job.describe(item), code.code(), r.getMessage());
                }
            }
            case RETRY -> {
                backoff = backoff.failed(key, clock.instant(), settings.pollInterval());
                LOG.warn("{} failed (exit {}): {}; tried again after {} s", job.describe(item), code.code(), oneLine(e),
                        Duration.between(clock.instant(), backoff.entries().get(key).notBefore()).toMillis() / 1000.0);
            }
            case STOP -> throw e;
            case DONE -> { }
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    /** Sleeps in short naps so that a SIGTERM ends an idle watcher at once. */
    private static void sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        try {
            for (long left = d.toNanos(); left > 0 && !Termination.requested(); left = end - System.nanoTime()) {
                Thread.sleep(Math.max(1, Math.min(NAP.toMillis(), left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            // Only a lost lease interrupts this thread, and that was cleared; the next poll goes on.
        }
    }
}
