package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.util.List;

/** The four jobs of one asset's pipeline in submission order, each depending on the one before. */
public record PipelinePlan(AssetId assetId, PipelineSource source, List<StageJob> jobs) {
    public PipelinePlan {
        jobs = List.copyOf(jobs);
    }
}
