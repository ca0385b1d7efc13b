package io.mediaworker.aws.batch;

import java.util.Optional;

/** Sends one job to the batch service. The real one is {@link BatchJobSubmitter}. */
public interface JobSubmitter {
    /** Submits the job, depending on the given job id when present; returns Batch's job id. */
    String submit(StageJob job, Optional<String> dependsOnJobId);

    /** Stops a job that was submitted but whose pipeline could not be completed. */
    void terminate(String jobId, String reason);
}
