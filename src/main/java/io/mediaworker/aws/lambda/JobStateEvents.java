package io.mediaworker.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.aws.batch.JobParameters;
import io.mediaworker.aws.batch.JobStateChange;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.UsageException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a "Batch Job State Change" event (EventBridge, source aws.batch; its detail is the job as
 * DescribeJobs returns it). Pure. Jobs this worker did not submit (another name prefix, no assetId
 * parameter) are not ours and read as a reason to ignore them.
 */
public final class JobStateEvents {
    static final String DETAIL_TYPE = "Batch Job State Change";
    /** Batch's status reason for a job failed because one it depends on failed. */
    private static final Pattern DEPENDENCY_FAILED = Pattern.compile("(?i)dependent job.*fail.*");

    /** The event read, or why it is none of ours. */
    public sealed interface Reading permits Ours, NotOurs {}
    public record Ours(JobStateEvent event) implements Reading {}
    public record NotOurs(String reason) implements Reading {}

    private JobStateEvents() {}

    public static Reading read(JsonNode event, String namePrefix) {
        if (!event.path("detail-type").asText().equals(DETAIL_TYPE) || !event.path("source").asText().equals("aws.batch")) {
            return new NotOurs("not a Batch Job State Change event: " + event.path("detail-type").asText("(no detail-type)"));
        }
        JsonNode detail = event.path("detail");
        String jobName = detail.path("jobName").asText("");
        Optional<PipelineStage> stage = PipelineStage.ofJobName(jobName, namePrefix);
        if (stage.isEmpty()) return new NotOurs("job " + jobName + " is not a media-worker stage job (prefix '" + namePrefix + "')");
        JsonNode parameters = detail.path("parameters");
        AssetId assetId;
        try {
            assetId = AssetId.of(parameters.path(JobParameters.ASSET_ID).asText(null));
        } catch (UsageException e) {
            return new NotOurs("job " + jobName + " has no valid assetId parameter");
        }

        String status = detail.path("status").asText("");
        JsonNode attempts = detail.path("attempts");
        JsonNode lastAttempt = attempts.isArray() && attempts.size() > 0 ? attempts.get(attempts.size() - 1) : null;
        Optional<Integer> exitCode = exitCode(detail.path("container"))
                .or(() -> lastAttempt == null ? Optional.empty() : exitCode(lastAttempt.path("container")));
        String reason = firstText(detail.path("statusReason"), lastAttempt == null ? null : lastAttempt.path("statusReason"),
                detail.path("container").path("reason"));
        boolean cascaded = status.equals("FAILED") && (lastAttempt == null) && DEPENDENCY_FAILED.matcher(reason).matches();

        JobStateChange change = new JobStateChange(assetId, stage.get(), detail.path("jobId").asText(), jobName, status, exitCode,
                reason, attempts.size(), at(event, detail, status), pipeline(status, stage.get()));
        return new Ours(new JobStateEvent(change, text(parameters.path(JobParameters.SOURCE)),
                stage.get().isLast() ? text(parameters.path(JobParameters.DELIVER_TO)) : Optional.empty(), cascaded));
    }

    /** A job's failure ends the pipeline; so does the deliver job's success. Anything else keeps it running. */
    static PipelineState pipeline(String status, PipelineStage stage) {
        if (status.equals("FAILED")) return PipelineState.FAILED;
        if (status.equals("SUCCEEDED") && stage.isLast()) return PipelineState.SUCCEEDED;
        return PipelineState.RUNNING;
    }

    /** When it happened, as precisely as the event says: the job's stop or start in ms, else the event's time. */
    private static Instant at(JsonNode event, JsonNode detail, String status) {
        JsonNode millis = status.equals("SUCCEEDED") || status.equals("FAILED") ? detail.path("stoppedAt")
                : status.equals("RUNNING") ? detail.path("startedAt") : null;
        if (millis != null && millis.canConvertToLong() && millis.asLong() > 0) return Instant.ofEpochMilli(millis.asLong());
        return Instant.parse(event.path("time").asText());
    }

    private static Optional<Integer> exitCode(JsonNode container) {
        return container.path("exitCode").isInt() ? Optional.of(container.path("exitCode").asInt()) : Optional.empty();
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) if (n != null && n.isTextual() && !n.asText().isBlank()) return n.asText();
        return "";
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
