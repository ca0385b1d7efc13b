package io.mediaworker.aws.status;

import java.util.Locale;

/**
 * Where one stage of an asset stands, in the order it can move: a stage is queued, runs, then ends.
 * {@code DELIVERED} is the deliver stage's success: the asset is done.
 */
public enum StageState {
    QUEUED(1), RUNNING(2), SUCCEEDED(3), FAILED(3), DELIVERED(3);

    private final int rank;

    StageState(int rank) { this.rank = rank; }

    int rank() { return rank; }

    /** A Batch job status (SUBMITTED … FAILED) as a stage state. */
    public static StageState ofBatchStatus(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> RUNNING;
            case "SUCCEEDED" -> SUCCEEDED;
            case "FAILED" -> FAILED;
            default -> QUEUED; // SUBMITTED, PENDING, RUNNABLE, STARTING
        };
    }
}
