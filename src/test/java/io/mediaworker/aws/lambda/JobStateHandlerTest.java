package io.mediaworker.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.aws.batch.InMemoryPipelineRegistry;
import io.mediaworker.aws.batch.PipelineClaim;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.aws.batch.SnsPipelineNotifier;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.testing.RecordingHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The job-state handler fed Batch's event JSON; the SDK's real SNS Publish requests land on a loopback endpoint. */
class JobStateHandlerTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:media-worker-pipeline";
    private static final AssetId ID = AssetId.of("4f0c2a9d1e7b35c86a12");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordingHttpServer sns;
    private SnsClient client;
    private final InMemoryPipelineRegistry registry = new InMemoryPipelineRegistry();
    private JobStateHandler handler;

    @BeforeEach
    void start() throws Exception {
        sns = new RecordingHttpServer(request -> new RecordingHttpServer.Response(200, "text/xml",
                "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>5f1e2d3c-0000-4000-8000-000000000001</MessageId>"
                        + "</PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>"));
        client = SnsClient.builder().endpointOverride(sns.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"))).build();
        handler = new JobStateHandler(registry, new SnsPipelineNotifier(client, TOPIC), "media-worker-");
        registry.startIfIdle(new PipelineClaim(ID, "s3://media-in/shows/ep 01.mov", Instant.parse("2026-12-04T05:40:00Z")));
    }

    @AfterEach
    void stop() {
        client.close();
        sns.close();
    }

    /** The Query-protocol form the SDK posts, decoded. */
    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Message attributes as name -> value, read from the numbered entries of the form. */
    private static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
            assertEquals("String", form.get("MessageAttributes.entry." + i + ".Value.DataType"));
            attributes.put(form.get("MessageAttributes.entry." + i + ".Name"), form.get("MessageAttributes.entry." + i + ".Value.StringValue"));
        }
        return attributes;
    }

    @Test
    void progressIsRecordedWithoutNotifying() throws Exception {
        for (String event : List.of("batch-ingest-runnable.json", "batch-ingest-running.json", "batch-ingest-succeeded.json")) {
            assertTrue(Events.invoke(handler, event).path("recorded").asBoolean(), event);
        }
        assertEquals(List.of(), sns.requests());
        assertEquals(List.of("RUNNABLE", "RUNNING", "SUCCEEDED"), registry.changes().stream().map(c -> c.status()).toList());
        assertTrue(registry.changes().stream().allMatch(c -> c.pipeline() == PipelineState.RUNNING && c.stage() == PipelineStage.INGEST));
        assertEquals(Instant.ofEpochMilli(1796362850123L), registry.changes().get(1).at());
        assertEquals(Optional.of(PipelineState.RUNNING), registry.state(ID));
    }

    @Test
    void theDeliverJobsSuccessSendsOneCompletionNotification() throws Exception {
        JsonNode answer = Events.invoke(handler, "batch-deliver-succeeded.json");
        Events.invoke(handler, "batch-deliver-succeeded.json"); // EventBridge delivers at least once

        assertEquals("SUCCEEDED", answer.path("notified").asText());
        assertEquals(1, sns.requests().size());
        Map<String, String> publish = form(sns.requests().get(0).body());
        assertEquals("Publish", publish.get("Action"));
        assertEquals(TOPIC, publish.get("TopicArn"));
        assertEquals("media-worker: " + ID + " delivered", publish.get("Subject"));
        assertEquals(Map.of("event", "pipeline.succeeded", "assetId", ID.value(), "status", "SUCCEEDED", "stage", "deliver"), attributes(publish));
        JsonNode message = JSON.readTree(publish.get("Message"));
        assertEquals(ID.value(), message.path("assetId").asText());
        assertEquals("s3://media-in/shows/ep 01.mov", message.path("source").asText());
        assertEquals("s3://media-out/ready/", message.path("destination").asText());
        assertEquals("0b6c1d2e-4444-4a5b-9c8d-000000000004", message.path("jobId").asText());
        assertEquals(0, message.path("exitCode").asInt());
        assertEquals(Instant.ofEpochMilli(1796363899999L).toString(), message.path("at").asText());
        assertEquals(Optional.of(PipelineState.SUCCEEDED), registry.state(ID));
    }

    @Test
    void aFailedJobSendsOneFailureNotificationAndTheJobsBehindItNone() throws Exception {
        JsonNode failed = Events.invoke(handler, "batch-transcode-failed.json");
        JsonNode cascaded = Events.invoke(handler, "batch-qc-dependency-failed.json");

        assertEquals("FAILED", failed.path("notified").asText());
        assertTrue(cascaded.path("ignored").asText().contains("depends on failed"), cascaded.toString());
        assertEquals(1, sns.requests().size());
        Map<String, String> publish = form(sns.requests().get(0).body());
        assertEquals("media-worker: " + ID + " failed at transcode (exit 3)", publish.get("Subject"));
        assertEquals("pipeline.failed", attributes(publish).get("event"));
        JsonNode message = JSON.readTree(publish.get("Message"));
        assertEquals("transcode", message.path("stage").asText());
        assertEquals(3, message.path("exitCode").asInt());
        assertEquals("invalid input", message.path("exitMeaning").asText());
        assertEquals("Essential container in task exited", message.path("reason").asText());
        assertEquals(1, message.path("attempts").asInt());
        assertEquals(Optional.of(PipelineState.FAILED), registry.state(ID));
        assertEquals(1, registry.changes().size(), "the qc job's cascade is not recorded as the asset's failure");
    }

    @Test
    void aRefusedPublishFailsTheInvocation() throws Exception {
        try (RecordingHttpServer refusing = new RecordingHttpServer(request -> new RecordingHttpServer.Response(403, "text/xml",
                "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>not allowed to publish</Message></Error>"
                        + "<RequestId>r-2</RequestId></ErrorResponse>"));
                SnsClient refusingClient = SnsClient.builder().endpointOverride(refusing.endpoint()).region(Region.EU_WEST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"))).build()) {
            JobStateHandler refused = new JobStateHandler(registry, new SnsPipelineNotifier(refusingClient, TOPIC), "media-worker-");
            TransientException e = assertThrows(TransientException.class, () -> Events.invoke(refused, "batch-deliver-succeeded.json"));
            assertTrue(e.getMessage().contains("not allowed to publish"), e.getMessage());
            assertEquals(1, refusing.requests().size());
            assertEquals(Optional.of(PipelineState.SUCCEEDED), registry.state(ID));
        }
    }

    @Test
    void otherJobsAreNoneOfOurs() throws Exception {
        JsonNode answer = Events.invoke(handler, "batch-foreign-job.json");
        assertTrue(answer.path("ignored").asText().contains("nightly-report-export"), answer.toString());
        JsonNode s3 = Events.invoke(handler, "s3-put.json");
        assertTrue(s3.path("ignored").asText().contains("not a Batch Job State Change"), s3.toString());
        assertEquals(List.of(), registry.changes());
        assertEquals(List.of(), sns.requests());
    }
}
