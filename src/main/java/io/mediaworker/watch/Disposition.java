package io.mediaworker.watch;

import io.mediaworker.model.ExitCode;

/** What a watcher does with a key after the stage ran on it, by the stage's exit code. */
public enum Disposition {
    /** Done (exit 0): the stage's own output now says so. */
    DONE,
    /** Usage, bad media, QC failed (2, 3, 5): recorded, never tried again by any watcher until the record is removed. */
    PERMANENT,
    /** Internal or transient (1, 4): tried again later, after a backoff. */
    RETRY,
    /** SIGTERM (143): the watcher stops. */
    STOP;

    public static Disposition of(ExitCode code) {
        return switch (code) {
            case OK -> DONE;
            case USAGE, INVALID_INPUT, QC_FAILED -> PERMANENT;
            case INTERNAL, TRANSIENT -> RETRY;
            case TERMINATED -> STOP;
        };
    }
}
