package io.mediaworker.aws.lambda;

import io.mediaworker.aws.batch.JobStateChange;
import io.mediaworker.aws.batch.PipelineOutcome;
import io.mediaworker.aws.batch.PipelineState;
import java.util.Optional;

/**
 * A "Batch Job State Change" event of one of our jobs, read into the change the status table
 * records and the job parameters the notification quotes.
 *
 * @param cascaded the job failed without running because the job it depends on failed: that
 *     job's own event already ended the pipeline
 */
public record JobStateEvent(JobStateChange change, Optional<String> source, Optional<String> destination, boolean cascaded) {

    /** The pipeline's outcome when this change ends it by itself. */
    public Optional<PipelineOutcome> outcome() {
        if (change.pipeline() == PipelineState.RUNNING || cascaded) return Optional.empty();
        return Optional.of(new PipelineOutcome(change.assetId(), source, change.pipeline(), change.stage(), change.jobId(),
                change.jobName(), change.exitCode(), Optional.of(change.statusReason()).filter(r -> !r.isBlank()),
                change.attempts(), destination, change.at()));
    }
}
