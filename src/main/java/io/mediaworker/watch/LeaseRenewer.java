package io.mediaworker.watch;

import io.mediaworker.content.LeaseStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one held lease alive from a background thread while the stage works on the asset: a
 * renewal every third of the time to live, so two can fail before the lease expires. When a
 * renewal finds the lease gone or expired (this process stalled, the storage hung) the claim is
 * lost: {@code onLost} runs once, and the worker abandons the asset to whoever takes it over.
 * {@link #close} stops renewing and releases the lease.
 */
final class LeaseRenewer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final LeaseStore store;
    private final ScheduledExecutorService timer;
    private volatile LeaseStore.Held held;
    private volatile boolean lost;

    LeaseRenewer(LeaseStore store, LeaseStore.Held held, Runnable onLost) {
        this.store = store;
        this.held = held;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, store.ttl().dividedBy(3).toMillis());
        timer.scheduleWithFixedDelay(() -> renew(onLost), period, period, TimeUnit.MILLISECONDS);
    }

    boolean lost() { return lost; }

    private void renew(Runnable onLost) {
        if (lost) return;
        try {
            Optional<LeaseStore.Held> renewed = store.renew(held);
            if (renewed.isPresent()) {
                held = renewed.get();
                return;
            }
            lost = true;
            LOG.error("lost the lease on {}: it expired or was taken over; abandoning the asset", held.key());
            onLost.run();
        } catch (RuntimeException e) {
            // A storage hiccup: the next renewal tries again well before the lease expires.
            LOG.warn("could not renew the lease on {}: {}", held.key(), e.getMessage());
        }
    }

    /** Stops renewing (waiting for a renewal in flight) and releases the lease unless it was lost. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!lost && !store.release(held)) LOG.warn("the lease on {} had expired before it could be released", held.key());
    }
}
