package io.mediaworker.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.aws.batch.BatchJobSubmitter;
import io.mediaworker.aws.batch.InMemoryPipelineRegistry;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.aws.batch.PipelineSubmission;
import io.mediaworker.aws.batch.TranscodeTarget;
import io.mediaworker.model.TransientException;
import io.mediaworker.testing.RecordingBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.BatchClient;

/** The source handler fed the event JSON AWS delivers; the SDK's SubmitJob requests land on a loopback endpoint. */
class SourceEventHandlerTest {
    private RecordingBatch batch;
    private BatchClient client;
    private final InMemoryPipelineRegistry registry = new InMemoryPipelineRegistry();
    private SourceEventHandler handler;

    @BeforeEach
    void start() throws Exception {
        batch = new RecordingBatch();
        client = batch.client();
        PipelineSettings settings = new PipelineSettings("media-worker", "media-worker-gpu", TranscodeTarget.GPU, "media-worker-", "/content", Optional.empty());
        handler = new SourceEventHandler(new PipelineSubmission(settings, registry, new BatchJobSubmitter(client), Clock.systemUTC()),
                SourceKeyPolicy.fromEnvironment(Map.of("MEDIA_GATEWAY_BUCKETS", "share-bucket")));
    }

    @AfterEach
    void stop() {
        client.close();
        batch.close();
    }

    /** The asset id as README documents it, computed here on its own: SHA-256 of "s3://bucket/key NUL revision", 20 hex digits. */
    private static String assetId(String location, String revision) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((location + "\0" + revision).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 20);
    }

    private List<JsonNode> submitted() { return batch.bodies("/v1/submitjob"); }

    @Test
    void anS3UploadStartsThePipelineForTheDecodedKey() throws Exception {
        JsonNode answer = Events.invoke(handler, "s3-put.json");

        String id = assetId("s3://media-in/shows/ep 01\u00e9.mov", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertEquals(4, submitted().size());
        for (JsonNode body : submitted()) {
            assertEquals(id, body.path("parameters").path("assetId").asText());
            assertEquals("s3://media-in/shows/ep 01\u00e9.mov", body.path("parameters").path("source").asText());
        }
        assertEquals("media-worker-gpu", submitted().get(1).path("jobQueue").asText());
        assertEquals(1, answer.path("started").size());
        JsonNode jobs = answer.path("started").get(0).path("jobs");
        for (int i = 0; i < 4; i++) assertEquals(batch.idOf(submitted().get(i).path("jobName").asText()), jobs.get(i).path("jobId").asText());
    }

    @Test
    void theSameEventDeliveredAgainStartsNothingMore() throws Exception {
        Events.invoke(handler, "s3-put.json");
        JsonNode again = Events.invoke(handler, "s3-put.json");
        assertEquals(4, submitted().size());
        assertEquals(0, again.path("started").size());
        assertEquals(1, again.path("inFlight").size());
    }

    @Test
    void aFileWrittenThroughAGatewayUnderATemporaryNameStartsOnePipeline() throws Exception {
        // What S3 and the gateway emit, in order, for one file an application wrote as .ep02.mov.Xy12Ab and renamed to ep02.mov;
        // the gateway's event for the final name comes twice (EventBridge delivers at least once).
        List<String> sequence = List.of("gateway-s3-put-temporary.json", "gateway-upload-temporary.json", "gateway-s3-copy-renamed.json",
                "gateway-s3-delete-temporary.json", "gateway-s3-put-office-owner.json", "gateway-upload-renamed.json", "gateway-upload-renamed.json");
        int started = 0;
        for (String event : sequence) started += Events.invoke(handler, event).path("started").size();

        assertEquals(1, started);
        assertEquals(4, submitted().size());
        String id = assetId("s3://share-bucket/projects/promo/ep02.mov", "2026-12-04T05:40:58Z");
        assertTrue(submitted().stream().allMatch(b -> b.path("parameters").path("assetId").asText().equals(id)));
        assertEquals(1, registry.claims().size());
    }

    @Test
    void aFolderMarkerIsSkippedWithItsReason() throws Exception {
        JsonNode answer = Events.invoke(handler, "s3-put-folder-marker.json");
        assertEquals(List.of(), batch.requests());
        assertEquals("a folder marker", answer.path("skipped").get(0).path("reason").asText());
    }

    @Test
    void aBatchRefusalFailsTheInvocationSoLambdaRetriesIt() throws Exception {
        batch.refuse("media-worker-ingest-");
        assertThrows(TransientException.class, () -> Events.invoke(handler, "s3-eventbridge-object-created.json"));
        batch.refuse("none-");
        JsonNode retry = Events.invoke(handler, "s3-eventbridge-object-created.json");
        assertEquals(1, retry.path("started").size());
        assertEquals(1 + 4, submitted().size());
    }
}
