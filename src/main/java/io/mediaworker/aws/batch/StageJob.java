package io.mediaworker.aws.batch;

import java.util.Map;
import java.util.Optional;

/** One SubmitJob request of a pipeline, before Batch has given the jobs ids. */
public record StageJob(PipelineStage stage, String jobName, String jobQueue, String jobDefinition,
        Map<String, String> parameters, Optional<PipelineStage> dependsOn) {
    public StageJob {
        parameters = Map.copyOf(parameters);
    }
}
