package io.mediaworker.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.content.Json;
import io.mediaworker.testing.CapturingHttpServer;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.JarLauncher;
import io.mediaworker.testing.LocalAws;
import io.mediaworker.testing.LocalDynamo;
import io.mediaworker.testing.LocalS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The packaged jar as a Batch job runs it, against local servers only: the source comes from S3
 * (S3Mock), the outputs go to S3, the asset's status goes to DynamoDB (dynalite) and the
 * notification to a loopback endpoint standing in for SNS. Every check reads the servers with the
 * test's own clients.
 */
class AwsPipelineIT {
    static final String TABLE = "media-worker-status";
    static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:media-worker-events";
    static final String PROFILE = """
            {"name": "fast", "preset": "veryfast",
             "rungs": [{"height": 360, "videoKbps": 500}, {"height": 240, "videoKbps": 250}]}
            """;

    @TempDir static Path work;
    static LocalAws local;
    static LocalS3 s3;
    static LocalDynamo dynamo;
    static CapturingHttpServer sns;
    static Path clip;
    static Path profile;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        GeneratedMedia.assumeFfmpeg();
        local = LocalAws.start(TABLE, "media-in", "media-out");
        dynamo = local.dynamo();
        s3 = local.s3();
        sns = local.sns();
        clip = new GeneratedMedia(work).mp4();
        profile = Files.writeString(work.resolve("fast.json"), PROFILE, StandardCharsets.UTF_8);
        env = new HashMap<>(local.workerEnvironment());
        env.put("MEDIA_STATUS_TABLE", TABLE);
        env.put("MEDIA_NOTIFY_TOPIC", TOPIC);
    }

    @AfterAll
    static void stop() throws Exception {
        if (local != null) local.close();
    }

    @Test
    void anS3SourceEndsDeliveredToS3WithItsStatusAndOneNotification() throws Exception {
        s3.client().putObject(b -> b.bucket("media-in").key("uploads/clip.mp4"), RequestBody.fromFile(clip));
        Path content = work.resolve("content-ok");
        int published = sns.requests().size();

        CliResult r = JarLauncher.run(env, List.of("--content-root", content.toString(), "run", "s3://media-in/uploads/clip.mp4",
                "--to", "s3://media-out/deliveries/", "--profile", profile.toString()));
        assertEquals(0, r.exitCode(), r.describe());
        String id = r.stdout().strip();
        assertEquals(FileState.sha256(clip).substring(0, 20), id);

        // Every output on the content tree is in S3, byte for byte.
        Path output = content.resolve("output").resolve(id);
        List<String> keys = s3.client().listObjectsV2(b -> b.bucket("media-out").prefix("deliveries/" + id + "/")).contents().stream()
                .map(S3Object::key).sorted().toList();
        for (String name : List.of("360p.mp4", "240p.mp4", "plan.json", "qc.json")) {
            String key = "deliveries/" + id + "/" + name;
            assertTrue(keys.contains(key), key + " missing from " + keys);
            byte[] there = s3.client().getObjectAsBytes(b -> b.bucket("media-out").key(key)).asByteArray();
            assertEquals(FileState.sha256(output.resolve(name)), sha256(there), key);
        }
        assertTrue(keys.contains("deliveries/" + id + "/manifest.json"), "the manifest goes last: " + keys);

        // The status item, read with a plain client.
        Map<String, AttributeValue> item = item(id);
        assertEquals("deliver", item.get("stage").s());
        assertEquals("DELIVERED", item.get("status").s());
        assertEquals("s3://media-in/uploads/clip.mp4", item.get("source").s());
        assertEquals("libx264", item.get("encoder").s(), "a CPU-only host encodes H.264 with x264");
        assertEquals("PASS", item.get("qcVerdict").s());
        List<String> outputs = item.get("outputs").l().stream().map(AttributeValue::s).toList();
        assertTrue(outputs.contains("s3://media-out/deliveries/" + id + "/360p.mp4"), outputs.toString());
        for (String stage : List.of("transcode", "qc", "deliver")) {
            Instant startedAt = Instant.parse(item.get(stage + "StartedAt").s());
            Instant endedAt = Instant.parse(item.get(stage + "EndedAt").s());
            assertFalse(endedAt.isBefore(startedAt), stage);
            assertEquals("1", item.get(stage + "Attempt").n());
        }
        assertTrue(item.containsKey("ingestEndedAt"));

        // Exactly one notification: completion.
        List<CapturingHttpServer.Request> sent = sns.requests().subList(published, sns.requests().size());
        assertEquals(1, sent.size(), "one message for one delivered asset");
        Map<String, String> form = sent.get(0).form();
        assertEquals("Publish", form.get("Action"));
        assertEquals(TOPIC, form.get("TopicArn"));
        JsonNode body = Json.MAPPER.readTree(form.get("Message"));
        assertEquals("pipeline.succeeded", body.get("event").asText());
        assertEquals("SUCCEEDED", body.get("status").asText());
        assertEquals("s3://media-out/deliveries/", body.get("destination").asText());
        assertEquals(id, body.get("assetId").asText());
        assertEquals("s3://media-in/uploads/clip.mp4", body.get("source").asText());
        assertEquals("PASS", body.get("qcVerdict").asText());
        List<String> notified = new ArrayList<>();
        body.get("outputs").forEach(o -> notified.add(o.asText()));
        assertEquals(outputs, notified);
        assertEquals("pipeline.succeeded", attribute(form, "event"));
        assertEquals("worker", attribute(form, "sender"));
        assertEquals(id, attribute(form, "assetId"));

        // A late ingest of the same object (a redelivered event, a manual rerun) is the same asset
        // and leaves the delivered status where it is.
        CliResult again = JarLauncher.run(env, List.of("--content-root", content.toString(), "ingest", "s3://media-in/uploads/clip.mp4",
                "--asset-id", id));
        assertEquals(0, again.exitCode(), again.describe());
        Map<String, AttributeValue> after = item(id);
        assertEquals("DELIVERED", after.get("status").s());
        assertEquals(item.get("updatedAt").s(), after.get("updatedAt").s(), "not touched by the late update");
    }

    @Test
    void aFailedStageIsRecordedAndNotifiedWithItsExitCode() throws Exception {
        int published = sns.requests().size();
        String id = "missing0000000000001";
        CliResult r = JarLauncher.run(env, List.of("--content-root", work.resolve("content-fail").toString(), "ingest",
                "s3://media-in/uploads/never-uploaded.mp4", "--asset-id", id));
        assertEquals(3, r.exitCode(), r.describe());

        Map<String, AttributeValue> item = item(id);
        assertEquals("ingest", item.get("stage").s());
        assertEquals("FAILED", item.get("status").s());
        assertEquals("3", item.get("exitCode").n());
        assertTrue(item.get("failureReason").s().contains("s3://media-in/uploads/never-uploaded.mp4"), item.get("failureReason").s());

        List<CapturingHttpServer.Request> sent = sns.requests().subList(published, sns.requests().size());
        assertEquals(1, sent.size());
        Map<String, String> form = sent.get(0).form();
        JsonNode body = Json.MAPPER.readTree(form.get("Message"));
        assertEquals("pipeline.failed", body.get("event").asText());
        assertEquals("ingest", body.get("stage").asText());
        assertEquals(id, body.get("assetId").asText());
        assertEquals(3, body.get("exitCode").asInt());
        assertEquals(item.get("failureReason").s(), body.get("reason").asText());
        assertEquals("pipeline.failed", attribute(form, "event"));
        assertEquals("3", attribute(form, "exitCode"));
    }

    @Test
    void reportingNeverReplacesTheStagesOwnError() {
        // A bad setting on a content root that is not there: still exit 2 naming the setting, and recorded as such.
        CliResult r = JarLauncher.run(env, List.of("--content-root", work.resolve("no-such-root").toString(), "qc", "badsetting0000000001",
                "--duration-tolerance", "-1"));
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderrLines().stream().anyMatch(l -> l.startsWith("media-worker: error:") && l.contains("--duration-tolerance")), r.describe());
        Map<String, AttributeValue> item = item("badsetting0000000001");
        assertEquals("FAILED", item.get("status").s());
        assertEquals("2", item.get("exitCode").n());
    }

    private static Map<String, AttributeValue> item(String id) {
        return dynamo.client().getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of("assetId", AttributeValue.fromS(id)))).item();
    }

    private static String attribute(Map<String, String> form, String name) {
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            if (form.get("MessageAttributes.entry." + n + ".Name").equals(name)) return form.get("MessageAttributes.entry." + n + ".Value.StringValue");
        }
        return null;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
