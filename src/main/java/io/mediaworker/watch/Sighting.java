package io.mediaworker.watch;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a file has looked the same: the size and modification time last seen, and when this
 * watcher first saw them so. Any change starts the clock again.
 */
public record Sighting(FileStat stat, Instant since) {

    /** The sighting after a new look at the file at {@code now}. */
    public static Sighting update(Sighting previous, FileStat seen, Instant now) {
        return previous != null && previous.stat.sameAs(seen) ? previous : new Sighting(seen, now);
    }

    /**
     * Settled once size and modification time have held still for {@code settle} by our own clock.
     * The first sighting starts the clock, so a watcher that starts up waits once for every file:
     * a modification time alone cannot be trusted (copies keep the original's, NFS caches it).
     */
    public boolean settledAt(Instant now, Duration settle) {
        return !now.isBefore(since.plus(settle));
    }
}
