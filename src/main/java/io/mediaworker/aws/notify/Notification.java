package io.mediaworker.aws.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a subscriber learns from the worker when an asset is delivered ({@code SUCCEEDED}) or a stage
 * fails ({@code FAILED}: which stage, why, with which exit code). The message has the fields and
 * attributes of the Batch event handler's notification ({@code aws.batch.PipelineMessage}) plus
 * what only the worker knows: the delivered outputs and the QC verdict. See README.md
 * ("Notifications").
 *
 * @param assetId empty only when ingest failed before the bytes named the asset
 * @param destination where deliver delivered to, on success
 */
public record Notification(Event event, String assetId, Optional<String> source, String stage, int attempt, Instant at,
                           List<String> outputs, Optional<String> qcVerdict, Optional<String> failureReason,
                           Optional<Integer> exitCode, Optional<String> destination) {

    public enum Event { SUCCEEDED, FAILED }

    public Notification {
        outputs = List.copyOf(outputs);
    }

    /** Exit codes Batch retries (4 transfer or tool fault, 143 stopped): the failure may not be the last word. */
    public boolean retryable() {
        return exitCode.map(c -> c == 4 || c == 143).orElse(false);
    }
}
