package io.mediaworker.model;

/** The request itself is wrong: a bad flag value, a missing asset (exit 2). */
public final class UsageException extends WorkerException {
    public UsageException(String message) { super(message, null); }
    @Override public ExitCode exitCode() { return ExitCode.USAGE; }
}
