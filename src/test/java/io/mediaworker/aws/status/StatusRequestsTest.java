package io.mediaworker.aws.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.model.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The ordering key and the conditional requests, without a server. */
class StatusRequestsTest {
    static final AssetId ID = AssetId.of("a1");
    static final Instant T = Instant.parse("2026-12-04T06:00:00Z");

    static long p(PipelineStage stage, int attempt, StageState state) {
        return StatusUpdate.of(ID, stage, state, attempt, T).progress();
    }

    @Test
    void progressOrdersStageThenAttemptThenState() {
        assertTrue(p(PipelineStage.TRANSCODE, 1, StageState.QUEUED) > p(PipelineStage.INGEST, 99, StageState.FAILED));
        assertTrue(p(PipelineStage.TRANSCODE, 2, StageState.QUEUED) > p(PipelineStage.TRANSCODE, 1, StageState.FAILED));
        assertTrue(p(PipelineStage.QC, 1, StageState.SUCCEEDED) > p(PipelineStage.QC, 1, StageState.RUNNING));
        assertTrue(p(PipelineStage.QC, 1, StageState.RUNNING) > p(PipelineStage.QC, 1, StageState.QUEUED));
        assertEquals(p(PipelineStage.DELIVER, 1, StageState.DELIVERED), p(PipelineStage.DELIVER, 1, StageState.SUCCEEDED));
    }

    @Test
    void theWorkerMayAddFactsToAnEqualStateAnEventMustBeNewer() {
        StatusRequests r = new StatusRequests("t");
        StatusUpdate u = StatusUpdate.of(ID, PipelineStage.QC, StageState.SUCCEEDED, 1, T).withQcVerdict("PASS");
        UpdateItemRequest worker = r.stage(u, true, Optional.empty(), false);
        assertEquals("(attribute_not_exists(#progress) OR #progress <= :progress)", worker.conditionExpression());
        assertEquals(Long.toString(u.progress()), worker.expressionAttributeValues().get(":progress").n());
        assertTrue(worker.updateExpression().contains("#qcVerdict = "));
        assertTrue(worker.updateExpression().contains("REMOVE #failureReason, #exitCode"));

        UpdateItemRequest event = r.stage(u, false, Optional.empty(), true);
        assertTrue(event.conditionExpression().startsWith("(attribute_not_exists(#progress) OR #progress < :progress)"));
        assertTrue(event.conditionExpression().endsWith("AND (attribute_not_exists(#pipeline) OR #pipeline = :running)"));

        UpdateItemRequest ending = r.stage(u, false, Optional.of(PipelineState.SUCCEEDED), true);
        assertTrue(ending.conditionExpression().contains("#progress = :progress"), "the end may land on a state the worker recorded");
        assertTrue(ending.updateExpression().contains("#pipeline = "));
    }

    @Test
    void everyPlaceholderUsedIsDefinedAndNoneIsLeftOver() {
        StatusRequests r = new StatusRequests("t");
        StatusUpdate failed = StatusUpdate.of(ID, PipelineStage.TRANSCODE, StageState.FAILED, 2, T)
                .withFailure("error: no progress", Optional.of(4)).withOutputs(List.of("x"));
        for (UpdateItemRequest req : List.of(r.stage(failed, true, Optional.empty(), false),
                r.claim(new io.mediaworker.aws.batch.PipelineClaim(ID, "s3://b/k", T)), r.release(ID, "why", T))) {
            String all = req.updateExpression() + " " + req.conditionExpression();
            for (String name : req.expressionAttributeNames().keySet()) assertTrue(all.contains(name), name + " unused in " + all);
            for (String value : req.expressionAttributeValues().keySet()) assertTrue(all.matches(".*" + value + "\\b.*"), value + " unused in " + all);
            assertFalse(all.replaceAll("#[A-Za-z]+|:[A-Za-z0-9]+", "").contains("#"), all);
        }
    }
}
