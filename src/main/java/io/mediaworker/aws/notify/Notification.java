package io.mediaworker.aws.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a subscriber learns when an asset's pipeline ends: {@code COMPLETED} (delivered) or
 * {@code FAILED} (which stage, why, with which exit code). The JSON body and the message
 * attributes are documented in README.md ("Notifications").
 */
public record Notification(Event event, String assetId, Optional<String> source, String stage, int attempt, Instant at,
                           List<String> outputs, Optional<String> qcVerdict, Optional<String> failureReason,
                           Optional<Integer> exitCode) {

    public enum Event { COMPLETED, FAILED }

    public Notification {
        outputs = List.copyOf(outputs);
    }

    /** Exit codes Batch retries (4 transfer or tool fault, 143 stopped): the failure may not be the last word. */
    public boolean retryable() {
        return exitCode.map(c -> c == 4 || c == 143).orElse(false);
    }
}
