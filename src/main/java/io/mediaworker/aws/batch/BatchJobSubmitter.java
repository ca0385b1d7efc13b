package io.mediaworker.aws.batch;

import io.mediaworker.model.TransientException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDependency;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;
import software.amazon.awssdk.services.batch.model.TerminateJobRequest;

/** {@link JobSubmitter} over the AWS SDK's Batch client: SubmitJob and TerminateJob. */
public final class BatchJobSubmitter implements JobSubmitter {
    private final BatchClient batch;

    public BatchJobSubmitter(BatchClient batch) { this.batch = batch; }

    @Override
    public String submit(StageJob job, Optional<String> dependsOnJobId) {
        SubmitJobRequest request = SubmitJobRequest.builder()
                .jobName(job.jobName())
                .jobQueue(job.jobQueue())
                .jobDefinition(job.jobDefinition())
                .parameters(job.parameters())
                .dependsOn(dependsOnJobId.map(id -> List.of(JobDependency.builder().jobId(id).build())).orElse(List.of()))
                .propagateTags(true)
                .build();
        try {
            return batch.submitJob(request).jobId();
        } catch (SdkException e) {
            throw new TransientException("AWS Batch refused or did not answer SubmitJob for " + job.jobName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void terminate(String jobId, String reason) {
        batch.terminateJob(TerminateJobRequest.builder().jobId(jobId).reason(reason).build());
    }
}
