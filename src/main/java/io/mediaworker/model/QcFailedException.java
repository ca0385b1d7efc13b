package io.mediaworker.model;

/** QC rejected the renditions; they were quarantined under failed/ (exit 5). */
public final class QcFailedException extends WorkerException {
    public QcFailedException(String message) { super(message, null); }
    @Override public ExitCode exitCode() { return ExitCode.QC_FAILED; }
}
