package io.mediaworker.model;

/** The process exit codes of DESIGN.md; job definitions' retry strategies depend on them. */
public enum ExitCode {
    OK(0),
    INTERNAL(1),
    USAGE(2),
    INVALID_INPUT(3),
    TRANSIENT(4),
    QC_FAILED(5),
    TERMINATED(143);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }
}
