package io.mediaworker.aws.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.aws.AwsClients;
import io.mediaworker.content.Json;
import io.mediaworker.testing.CapturingHttpServer;
import io.mediaworker.testing.SdkTestCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's real Publish request, as it arrives on a loopback endpoint standing in for SNS: the
 * operation, the topic, the JSON body and the filterable message attributes.
 */
public class SnsNotifierTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:media-worker-events";
    public static final String RESPONSE = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>5b5e4f6a-0000-4000-8000-000000000001</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PublishResponse>";

    static CapturingHttpServer sns;
    static AwsClients aws;

    @BeforeAll
    static void start() throws Exception {
        SdkTestCredentials.install();
        sns = CapturingHttpServer.start("text/xml", RESPONSE);
        aws = AwsClients.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString()));
    }

    @AfterAll
    static void stop() {
        if (aws != null) aws.close();
        if (sns != null) sns.close();
    }


    @Test
    void completionIsOnePublishWithTheDocumentedBodyAndAttributes() throws Exception {
        int before = sns.requests().size();
        Notification done = new Notification(Notification.Event.SUCCEEDED, "3f2a9c81d0e4b7a65c21", Optional.of("s3://media-in/clips/a.mp4"),
                "deliver", 1, Instant.parse("2026-12-04T06:30:00Z"),
                List.of("s3://media-out/v1/3f2a9c81d0e4b7a65c21/720p.mp4", "s3://media-out/v1/3f2a9c81d0e4b7a65c21/qc.json"),
                Optional.of("PASS"), Optional.empty(), Optional.empty(), Optional.of("s3://media-out/v1/"));
        String id = new SnsNotifier(aws.sns(), TOPIC).publish(done);
        assertEquals("5b5e4f6a-0000-4000-8000-000000000001", id, "the message id is read from the response");

        List<CapturingHttpServer.Request> sent = sns.requests().subList(before, sns.requests().size());
        assertEquals(1, sent.size(), "exactly one request");
        CapturingHttpServer.Request r = sent.get(0);
        assertEquals("POST", r.method());
        assertTrue(r.headers().get("authorization").contains("/sns/aws4_request"), "signed for SNS: " + r.headers().get("authorization"));
        Map<String, String> form = r.form();
        assertEquals("Publish", form.get("Action"));
        assertEquals(TOPIC, form.get("TopicArn"));
        JsonNode body = Json.MAPPER.readTree(form.get("Message"));
        assertEquals(1, body.get("schemaVersion").asInt(), "the event handler's schema");
        assertEquals("pipeline.succeeded", body.get("event").asText());
        assertEquals("SUCCEEDED", body.get("status").asText());
        assertEquals("deliver", body.get("stage").asText());
        assertEquals(0, body.get("exitCode").asInt());
        assertEquals("ok", body.get("exitMeaning").asText());
        assertEquals("s3://media-out/v1/", body.get("destination").asText());
        assertEquals("2026-12-04T06:30:00Z", body.get("at").asText());
        assertEquals("worker", body.get("sender").asText());
        assertEquals("media-worker: 3f2a9c81d0e4b7a65c21 delivered", form.get("Subject"));
        assertEquals("3f2a9c81d0e4b7a65c21", body.get("assetId").asText());
        assertEquals("s3://media-in/clips/a.mp4", body.get("source").asText());
        assertEquals(2, body.get("outputs").size());
        assertEquals("s3://media-out/v1/3f2a9c81d0e4b7a65c21/720p.mp4", body.get("outputs").get(0).asText());
        assertEquals("PASS", body.get("qcVerdict").asText());
        assertFalse(body.has("reason"));
        assertFalse(body.has("retryable"), "only failures say whether Batch retries them");

        Map<String, String[]> attributes = attributes(form);
        assertEquals(Map.of("event", "pipeline.succeeded", "assetId", "3f2a9c81d0e4b7a65c21", "status", "SUCCEEDED", "stage", "deliver",
                "sender", "worker", "qcVerdict", "PASS"), values(attributes));
        attributes.values().forEach(a -> assertEquals("String", a[0]));
    }

    @Test
    void failureCarriesTheReasonAndANumericExitCodeToFilterOn() throws Exception {
        int before = sns.requests().size();
        Notification failed = new Notification(Notification.Event.FAILED, "3f2a9c81d0e4b7a65c21", Optional.empty(), "qc", 2,
                Instant.parse("2026-12-04T06:31:00Z"), List.of(), Optional.of("FAIL"),
                Optional.of("error: QC failed: 720p: frozen video 4.0 s"), Optional.of(5), Optional.empty());
        new SnsNotifier(aws.sns(), TOPIC).publish(failed);

        Map<String, String> form = sns.requests().get(before).form();
        JsonNode body = Json.MAPPER.readTree(form.get("Message"));
        assertEquals("pipeline.failed", body.get("event").asText());
        assertEquals("FAILED", body.get("status").asText());
        assertEquals("qc", body.get("stage").asText());
        assertEquals(2, body.get("attempts").asInt());
        assertEquals("error: QC failed: 720p: frozen video 4.0 s", body.get("reason").asText());
        assertEquals(5, body.get("exitCode").asInt());
        assertEquals("qc failed", body.get("exitMeaning").asText());
        assertEquals("media-worker: 3f2a9c81d0e4b7a65c21 failed at qc (exit 5)", form.get("Subject"));
        assertFalse(body.get("retryable").asBoolean(), "exit 5 is not retried");
        assertFalse(body.has("source"), "no source known: none invented");
        Map<String, String[]> attributes = attributes(form);
        assertEquals("Number", attributes.get("exitCode")[0]);
        assertEquals("5", attributes.get("exitCode")[1]);
        assertEquals("false", attributes.get("retryable")[1]);
        assertEquals("pipeline.failed", attributes.get("event")[1]);
        assertEquals("FAILED", attributes.get("status")[1]);
    }

    /** MessageAttributes.entry.N.{Name, Value.DataType, Value.StringValue} as name → [type, value]. */
    private static Map<String, String[]> attributes(Map<String, String> form) {
        Map<String, String[]> out = new java.util.TreeMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String p = "MessageAttributes.entry." + n + ".";
            out.put(form.get(p + "Name"), new String[] {form.get(p + "Value.DataType"), form.get(p + "Value.StringValue")});
        }
        return out;
    }

    private static Map<String, String> values(Map<String, String[]> attributes) {
        Map<String, String> v = new java.util.TreeMap<>();
        attributes.forEach((k, a) -> v.put(k, a[1]));
        return v;
    }
}
