package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.time.Instant;
import java.util.Optional;

/**
 * One Batch job's new state, as read from a "Batch Job State Change" event, with what it means for
 * the asset's pipeline: still RUNNING, or ended (the deliver job succeeded, or a job failed).
 *
 * @param status Batch's job status: SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED, FAILED
 * @param exitCode the container's exit code, absent when it never ran
 * @param attempts how many attempts Batch made
 */
public record JobStateChange(AssetId assetId, PipelineStage stage, String jobId, String jobName, String status,
        Optional<Integer> exitCode, String statusReason, int attempts, Instant at, PipelineState pipeline) {}
