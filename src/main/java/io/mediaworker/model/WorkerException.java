package io.mediaworker.model;

/**
 * A failure with a known exit code and a one-line message a person can act on.
 * Subclasses name the exit-code class; stages throw them, only the CLI turns them into exits.
 */
public abstract class WorkerException extends RuntimeException {

    protected WorkerException(String message, Throwable cause) { super(message, cause); }

    public abstract ExitCode exitCode();
}
