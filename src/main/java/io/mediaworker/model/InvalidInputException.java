package io.mediaworker.model;

/** The input is not media, is unsupported or corrupt: retrying will not help (exit 3). */
public final class InvalidInputException extends WorkerException {
    public InvalidInputException(String message) { super(message, null); }
    public InvalidInputException(String message, Throwable cause) { super(message, cause); }
    @Override public ExitCode exitCode() { return ExitCode.INVALID_INPUT; }
}
