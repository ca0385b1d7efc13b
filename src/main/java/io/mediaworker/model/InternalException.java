package io.mediaworker.model;

/** A bug or an impossible state (exit 1). */
public final class InternalException extends WorkerException {
    public InternalException(String message, Throwable cause) { super(message, cause); }
    @Override public ExitCode exitCode() { return ExitCode.INTERNAL; }
}
