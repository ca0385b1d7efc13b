package io.mediaworker.aws.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.content.Json;
import java.util.HashMap;
import java.util.Map;

/** What {@code submit} prints: the requests it would send (dry run), or the jobs Batch accepted. */
public final class SubmissionJson {
    private SubmissionJson() {}

    /** The SubmitJob requests in the API's own field names; ids Batch has not given yet read {@code <jobId of NAME>}. */
    public static ObjectNode requests(PipelinePlan plan) {
        ObjectNode root = header(plan);
        ArrayNode requests = root.putArray("requests");
        Map<PipelineStage, String> names = new HashMap<>();
        for (StageJob job : plan.jobs()) {
            names.put(job.stage(), job.jobName());
            ObjectNode r = requests.addObject();
            r.put("operation", "SubmitJob");
            r.put("jobName", job.jobName());
            r.put("jobQueue", job.jobQueue());
            r.put("jobDefinition", job.jobDefinition());
            ObjectNode parameters = r.putObject("parameters");
            job.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parameters.put(e.getKey(), e.getValue()));
            ArrayNode dependsOn = r.putArray("dependsOn");
            job.dependsOn().ifPresent(stage -> dependsOn.addObject().put("jobId", "<jobId of " + names.get(stage) + ">"));
            r.put("propagateTags", true);
        }
        return root;
    }

    public static ObjectNode result(PipelineSubmission.Result result) {
        ObjectNode root = header(result.plan());
        root.put("started", result.started());
        if (!result.started()) root.put("reason", "a pipeline for this asset is in flight (status table)");
        ArrayNode jobs = root.putArray("jobs");
        for (SubmittedJob job : result.jobs()) {
            jobs.addObject().put("stage", job.stage().id()).put("jobName", job.jobName()).put("jobId", job.jobId()).put("jobQueue", job.jobQueue());
        }
        return root;
    }

    private static ObjectNode header(PipelinePlan plan) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("assetId", plan.assetId().value());
        root.put("source", plan.source().location());
        plan.source().revision().ifPresent(r -> root.put("sourceVersion", r));
        return root;
    }
}
