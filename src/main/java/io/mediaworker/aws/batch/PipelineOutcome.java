package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.time.Instant;
import java.util.Optional;

/**
 * How an asset's pipeline ended, as the notification tells it: SUCCEEDED when the deliver job
 * succeeded, FAILED with the stage whose job failed, its exit code and Batch's reason.
 *
 * @param source the source the pipeline was submitted for (the jobs' {@code source} parameter)
 * @param destination where the deliver job delivered to (its {@code deliverTo} parameter), when known
 * @param attempts how many attempts Batch made at the job that ended the pipeline
 */
public record PipelineOutcome(AssetId assetId, Optional<String> source, PipelineState state, PipelineStage stage,
        String jobId, String jobName, Optional<Integer> exitCode, Optional<String> reason, int attempts,
        Optional<String> destination, Instant at) {
    public PipelineOutcome {
        if (state == PipelineState.RUNNING) throw new IllegalArgumentException("a running pipeline has no outcome yet");
    }

    public boolean succeeded() { return state == PipelineState.SUCCEEDED; }
}
