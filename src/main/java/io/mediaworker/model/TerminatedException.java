package io.mediaworker.model;

/** The process was told to stop (SIGTERM) and stopped cleanly: partials removed; Batch retries (exit 143). */
public final class TerminatedException extends WorkerException {
    public TerminatedException(String message) { super(message, null); }
    @Override public ExitCode exitCode() { return ExitCode.TERMINATED; }
}
