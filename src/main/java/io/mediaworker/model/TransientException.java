package io.mediaworker.model;

/** Storage, network, a busy GPU, a full disk or a stalled ffmpeg: a retry may succeed (exit 4). */
public final class TransientException extends WorkerException {
    public TransientException(String message) { super(message, null); }
    public TransientException(String message, Throwable cause) { super(message, cause); }
    @Override public ExitCode exitCode() { return ExitCode.TRANSIENT; }
}
