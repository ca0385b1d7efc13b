package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.util.List;

/**
 * The status table as the pipeline needs it: one item per asset that decides whether a pipeline
 * may start and records how its jobs went. Implementations must make {@link #startIfIdle} atomic
 * (a conditional write), since duplicate S3 events arrive at several Lambda instances at once.
 */
public interface PipelineRegistry {
    /**
     * Records the asset and claims it for a new pipeline. True when none was RUNNING (the caller
     * then submits); false, changing nothing, while one is in flight.
     */
    boolean startIfIdle(PipelineClaim claim);

    /** The claimed pipeline's jobs, once Batch has accepted all of them. */
    void recordSubmitted(AssetId assetId, List<SubmittedJob> jobs);

    /** Submitting failed part-way: the claim is dropped (state FAILED with the reason) so a later try can start. */
    void release(AssetId assetId, String reason);

    /**
     * Records a job's new state and, when {@link JobStateChange#pipeline()} says so, the
     * pipeline's end. False when this exact change was already recorded (events are delivered at
     * least once) or is older than what is recorded, so the caller notifies only once.
     */
    boolean recordJobState(JobStateChange change);
}
