package io.mediaworker.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this process has been asked to stop (SIGTERM: Batch termination, Spot reclaim). Set
 * once by the shutdown hook; stages and long copies look at it so that whatever fails because of
 * the stop is reported as a termination (exit 143), not as a fault of the media or the storage.
 */
public final class Termination {
    private static final AtomicBoolean REQUESTED = new AtomicBoolean();

    private Termination() {}

    public static void request() { REQUESTED.set(true); }

    public static boolean requested() { return REQUESTED.get(); }

    /** Throws when a stop was requested; for loops that do long work between ffmpeg runs. */
    public static void check(String doing) {
        if (requested()) throw new TerminatedException("terminated while " + doing);
    }
}
