package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an asset's pipeline: claims the asset in the status table, then submits the four jobs in
 * order, each depending on the one before. While a pipeline for the asset is in flight nothing is
 * submitted. If Batch refuses a job part-way, the jobs already submitted are terminated and the
 * claim is released, so no half pipeline runs and a retry can start afresh.
 */
public final class PipelineSubmission {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineSubmission.class);

    public record Result(PipelinePlan plan, boolean started, List<SubmittedJob> jobs) {}

    private final PipelineSettings settings;
    private final PipelineRegistry registry;
    private final JobSubmitter submitter;
    private final Clock clock;

    public PipelineSubmission(PipelineSettings settings, PipelineRegistry registry, JobSubmitter submitter, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.submitter = submitter;
        this.clock = clock;
    }

    public PipelineSettings settings() { return settings; }

    public Result submit(PipelineSource source, AssetId assetId) {
        PipelinePlan plan = PipelinePlanner.plan(source, assetId, settings);
        if (!registry.startIfIdle(new PipelineClaim(assetId, source.location(), clock.instant()))) {
            LOG.info("asset {} ({}): a pipeline is in flight; nothing submitted", assetId, source.location());
            return new Result(plan, false, List.of());
        }
        List<SubmittedJob> submitted = new ArrayList<>();
        try {
            Optional<String> previous = Optional.empty();
            for (StageJob job : plan.jobs()) {
                String jobId = submitter.submit(job, previous);
                submitted.add(new SubmittedJob(job.stage(), job.jobName(), jobId, job.jobQueue()));
                previous = Optional.of(jobId);
            }
        } catch (RuntimeException e) {
            undo(assetId, submitted, e);
            throw e;
        }
        registry.recordSubmitted(assetId, submitted);
        LOG.info("asset {} ({}): submitted {}", assetId, source.location(), submitted.stream().map(SubmittedJob::jobId).toList());
        return new Result(plan, true, List.copyOf(submitted));
    }

    private void undo(AssetId assetId, List<SubmittedJob> submitted, RuntimeException cause) {
        String reason = "pipeline submission failed: " + cause.getMessage();
        for (SubmittedJob job : submitted) {
            try {
                submitter.terminate(job.jobId(), reason);
            } catch (RuntimeException e) {
                LOG.warn("could not terminate {} ({}) after a failed submission: {}", job.jobName(), job.jobId(), e.getMessage());
            }
        }
        registry.release(assetId, reason);
    }
}
