package io.mediaworker.aws.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.testing.RecordingBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.BatchClient;

/** The SDK's real SubmitJob and TerminateJob requests, received by a loopback endpoint. */
class PipelineSubmissionTest {
    private static final PipelineSource SOURCE = PipelineSource.s3("media-in", "shows/ep 01.mov", Optional.of("v7"));
    private static final AssetId ID = AssetId.of("4f0c2a9d1e7b35c86a12");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T05:40:00Z"), ZoneOffset.UTC);

    private RecordingBatch batch;
    private BatchClient client;
    private final InMemoryPipelineRegistry registry = new InMemoryPipelineRegistry();

    @BeforeEach
    void start() throws Exception {
        batch = new RecordingBatch();
        client = batch.client();
    }

    @AfterEach
    void stop() {
        client.close();
        batch.close();
    }

    private PipelineSubmission submission(TranscodeTarget target) {
        return new PipelineSubmission(new PipelineSettings("media-worker", "media-worker-gpu", target, "media-worker-", "/content",
                Optional.of("s3://media-out/ready/")), registry, new BatchJobSubmitter(client), CLOCK);
    }

    @Test
    void submitsFourJobsEachDependingOnTheIdBatchGaveTheOneBefore() {
        PipelineSubmission.Result result = submission(TranscodeTarget.GPU).submit(SOURCE, ID);

        List<JsonNode> sent = batch.bodies("/v1/submitjob");
        assertEquals(4, sent.size());
        assertEquals(List.of("media-worker-ingest-" + ID, "media-worker-transcode-" + ID, "media-worker-qc-" + ID, "media-worker-deliver-" + ID),
                sent.stream().map(b -> b.path("jobName").asText()).toList());
        assertEquals(List.of("media-worker", "media-worker-gpu", "media-worker", "media-worker"),
                sent.stream().map(b -> b.path("jobQueue").asText()).toList());
        assertEquals(List.of("media-worker-ingest", "media-worker-transcode-gpu", "media-worker-qc", "media-worker-deliver"),
                sent.stream().map(b -> b.path("jobDefinition").asText()).toList());
        assertTrue(sent.get(0).path("dependsOn").isMissingNode() || sent.get(0).path("dependsOn").isEmpty(), "ingest waits for nothing");
        for (int i = 1; i < 4; i++) {
            JsonNode dependsOn = sent.get(i).path("dependsOn");
            assertEquals(1, dependsOn.size(), sent.get(i).toString());
            assertEquals(batch.idOf(sent.get(i - 1).path("jobName").asText()), dependsOn.get(0).path("jobId").asText());
        }
        for (JsonNode body : sent) {
            assertEquals(ID.value(), body.path("parameters").path("assetId").asText());
            assertEquals("s3://media-in/shows/ep 01.mov", body.path("parameters").path("source").asText());
            assertEquals("/content", body.path("parameters").path("contentRoot").asText());
        }
        assertEquals("s3://media-out/ready/", sent.get(3).path("parameters").path("deliverTo").asText());
        assertTrue(sent.get(2).path("parameters").path("deliverTo").isMissingNode());

        // Signed for Batch in the client's region, with the client's key.
        String auth = batch.requests().get(0).header("Authorization");
        assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/") && auth.contains("/eu-west-1/batch/aws4_request"), auth);

        assertTrue(result.started());
        assertEquals(sent.stream().map(b -> batch.idOf(b.path("jobName").asText())).toList(), result.jobs().stream().map(SubmittedJob::jobId).toList());
        assertEquals(result.jobs(), registry.submitted(ID));
        assertEquals(List.of(new PipelineClaim(ID, "s3://media-in/shows/ep 01.mov", CLOCK.instant())), registry.claims());
    }

    @Test
    void aSecondSubmitWhileThePipelineIsInFlightSendsNothing() {
        submission(TranscodeTarget.CPU).submit(SOURCE, ID);
        PipelineSubmission.Result again = submission(TranscodeTarget.CPU).submit(SOURCE, ID);
        assertFalse(again.started());
        assertEquals(List.of(), again.jobs());
        assertEquals(4, batch.requests().size());
    }

    @Test
    void concurrentSubmitsOfOneAssetStartOnePipeline() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) tries.add(() -> submission(TranscodeTarget.CPU).submit(SOURCE, ID).started());
            int started = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) if (f.get()) started++;
            assertEquals(1, started);
            assertEquals(4, batch.bodies("/v1/submitjob").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalPartWayTerminatesWhatWasSubmittedAndReleasesTheClaim() {
        batch.refuse("media-worker-qc-");
        TransientException e = assertThrows(TransientException.class, () -> submission(TranscodeTarget.CPU).submit(SOURCE, ID));
        assertTrue(e.getMessage().contains("media-worker-qc-" + ID), e.getMessage());

        List<String> terminated = batch.bodies("/v1/terminatejob").stream().map(b -> b.path("jobId").asText()).toList();
        assertEquals(List.of(batch.idOf("media-worker-ingest-" + ID), batch.idOf("media-worker-transcode-" + ID)), terminated);
        assertEquals(Optional.of(PipelineState.FAILED), registry.state(ID));
        assertTrue(registry.released(ID).orElseThrow().contains("Job queue is disabled"));

        // Released: the retry (Lambda's, or the operator's) starts the whole pipeline afresh.
        batch.refuse("nothing-");
        assertTrue(submission(TranscodeTarget.CPU).submit(SOURCE, ID).started());
        assertEquals(4 + 3, batch.bodies("/v1/submitjob").size());
    }
}
