package io.mediaworker.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.aws.batch.BatchJobSubmitter;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.aws.batch.PipelineSubmission;
import io.mediaworker.aws.batch.SnsPipelineNotifier;
import io.mediaworker.aws.lambda.JobStateHandler;
import io.mediaworker.aws.lambda.SourceEventHandler;
import io.mediaworker.aws.lambda.SourceKeyPolicy;
import io.mediaworker.aws.status.DynamoStatusTable;
import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import io.mediaworker.content.Json;
import io.mediaworker.testing.BatchJobs;
import io.mediaworker.testing.CapturingHttpServer;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.LocalAws;
import io.mediaworker.testing.LocalDynamo;
import io.mediaworker.testing.LocalS3;
import io.mediaworker.testing.RecordingBatch;
import io.mediaworker.testing.SdkTestCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole system on local servers: an upload to S3 (S3Mock) and its ObjectCreated event reach
 * the source handler, which claims the asset in the status table (dynalite) and submits the DAG
 * (captured on a loopback Batch endpoint); the jobs run as Batch would run them (jobdefs' commands,
 * {@code Ref::} parameters) through the worker's CLI with real ffmpeg, reading the source from S3
 * and delivering to S3; each job's state change goes to the job-state handler, which records it in
 * the same table and announces the end once on a loopback endpoint standing in for SNS.
 */
class AwsEndToEndIT {
    static final String TABLE = "media-worker-status";
    static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:media-worker-pipeline";

    @TempDir static Path work;
    static LocalAws local;
    static LocalS3 s3;
    static LocalDynamo dynamo;
    static CapturingHttpServer sns;
    static RecordingBatch batch;
    static AwsClients aws;
    static Map<String, String> workerEnv;

    @BeforeAll
    static void start() throws Exception {
        GeneratedMedia.assumeFfmpeg();
        SdkTestCredentials.install();
        local = LocalAws.start(TABLE, "media-in", "media-out");
        dynamo = local.dynamo();
        s3 = local.s3();
        sns = local.sns();
        batch = new RecordingBatch();
        workerEnv = new HashMap<>(System.getenv());
        workerEnv.putAll(local.workerEnvironment());
        aws = AwsClients.fromEnvironment(workerEnv);
    }

    @AfterAll
    static void stop() throws Exception {
        if (aws != null) aws.close();
        if (batch != null) batch.close();
        if (local != null) local.close();
    }

    @Test
    void anUploadEndsDeliveredRecordedAndAnnouncedOnce() throws Exception {
        Path clip = new GeneratedMedia(work).mp4();
        s3.client().putObject(b -> b.bucket("media-in").key("inbox/day 1/clip.mp4"), RequestBody.fromFile(clip));
        String eTag = s3.client().headObject(b -> b.bucket("media-in").key("inbox/day 1/clip.mp4")).eTag().replace("\"", "");
        Path content = work.resolve("content");
        DynamoStatusTable table = new DynamoStatusTable(aws.dynamoDb(), TABLE, Clock.systemUTC());

        Map<String, String> handlerEnv = Map.of("DELIVER_TO", "s3://media-out/ready/", "CONTENT_ROOT", content.toString());
        try (BatchClient batchClient = batch.client(); SnsClient snsClient = snsClient()) {
            SourceEventHandler sources = new SourceEventHandler(new PipelineSubmission(PipelineSettings.fromEnvironment(handlerEnv), table,
                    new BatchJobSubmitter(batchClient), Clock.systemUTC()), SourceKeyPolicy.fromEnvironment(Map.of()));
            JsonNode first = handle(sources, s3Event("inbox/day+1/clip.mp4", eTag, Files.size(clip)));
            JsonNode duplicate = handle(sources, s3Event("inbox/day+1/clip.mp4", eTag, Files.size(clip)));
            assertEquals(1, first.get("started").size(), first.toString());
            assertEquals(1, duplicate.get("inFlight").size(), "the same event again starts nothing: " + duplicate);
            List<JsonNode> jobs = batch.bodies("/v1/submitjob");
            assertEquals(4, jobs.size(), "one DAG");
            String id = first.get("started").get(0).get("assetId").asText();

            JobStateHandler jobEvents = new JobStateHandler(table, new SnsPipelineNotifier(snsClient, TOPIC), "media-worker-");
            List<Integer> exits = new ArrayList<>();
            for (JsonNode job : jobs) {
                String jobId = batch.idOf(job.path("jobName").asText());
                jobEvents.handleRequest(stream(jobEvent(job, jobId, "RUNNING", Optional.empty())), new ByteArrayOutputStream(), null);
                int exit = runJob(job);
                exits.add(exit);
                JsonNode ended = jobEvent(job, jobId, exit == 0 ? "SUCCEEDED" : "FAILED", Optional.of(exit));
                jobEvents.handleRequest(stream(ended), new ByteArrayOutputStream(), null);
                if (job.path("jobName").asText().startsWith("media-worker-deliver-")) {
                    // EventBridge delivers at least once: the same end again must not notify again.
                    jobEvents.handleRequest(stream(ended), new ByteArrayOutputStream(), null);
                }
            }
            assertEquals(List.of(0, 0, 0, 0), exits);

            // Delivered to S3, byte for byte what the content tree holds.
            Path output = content.resolve("output").resolve(id);
            List<String> keys = s3.client().listObjectsV2(b -> b.bucket("media-out").prefix("ready/" + id + "/")).contents().stream()
                    .map(S3Object::key).toList();
            List<Path> renditions;
            try (Stream<Path> files = Files.list(output)) {
                renditions = files.filter(p -> p.toString().endsWith(".mp4")).toList();
            }
            assertTrue(!renditions.isEmpty());
            for (Path r : renditions) {
                String key = "ready/" + id + "/" + r.getFileName();
                assertTrue(keys.contains(key), key + " in " + keys);
                assertEquals(FileState.sha256(r), sha256(s3.client().getObjectAsBytes(b -> b.bucket("media-out").key(key)).asByteArray()));
            }

            // One item: delivered, its pipeline ended, every job recorded.
            Map<String, AttributeValue> item = dynamo.client().getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("assetId", AttributeValue.fromS(id)))).item();
            assertEquals("DELIVERED", item.get("status").s());
            assertEquals("deliver", item.get("stage").s());
            assertEquals("SUCCEEDED", item.get("pipeline").s());
            assertEquals("s3://media-in/inbox/day 1/clip.mp4", item.get("source").s());
            assertEquals("libx264", item.get("encoder").s());
            assertEquals("PASS", item.get("qcVerdict").s());
            assertEquals(4, item.get("jobs").m().size());
            for (JsonNode job : jobs) {
                String stage = job.path("jobName").asText().substring("media-worker-".length()).split("-")[0];
                assertEquals(batch.idOf(job.path("jobName").asText()), item.get(stage + "JobId").s(), stage);
            }
            assertTrue(item.get("outputs").l().stream().anyMatch(v -> v.s().startsWith("s3://media-out/ready/" + id + "/")));

            // One notification for the pipeline.
            assertEquals(1, sns.requests().size(), "announced once");
            Map<String, String> form = sns.requests().get(0).form();
            assertEquals("Publish", form.get("Action"));
            assertEquals(TOPIC, form.get("TopicArn"));
            JsonNode message = Json.MAPPER.readTree(form.get("Message"));
            assertEquals("pipeline.succeeded", message.get("event").asText());
            assertEquals(id, message.get("assetId").asText());
        }
    }

    /** A job as Batch runs it: the registered definition's command, its Ref:: parameters filled, the worker's CLI. */
    private static int runJob(JsonNode job) throws Exception {
        List<String> args = new ArrayList<>(BatchJobs.command(job));
        args.addAll(List.of("--status-table", TABLE)); // the job definition's environment in a deployment
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLineFactory.create(new PrintWriter(out), new PrintWriter(err), new StageContextFactory(workerEnv))
                .execute(args.toArray(String[]::new));
        assertEquals(0, exit, args + ": " + err);
        return exit;
    }

    /** An S3 ObjectCreated notification as S3 sends it to Lambda (key URL-encoded, + for space). */
    private static JsonNode s3Event(String encodedKey, String eTag, long size) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventTime", Instant.now().toString()).put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", "media-worker-sources");
        s3.putObject("bucket").put("name", "media-in").put("arn", "arn:aws:s3:::media-in");
        s3.putObject("object").put("key", encodedKey).put("size", size).put("eTag", eTag).put("sequencer", "0055AED6DCD90281E5");
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        return event;
    }

    private static JsonNode jobEvent(JsonNode job, String jobId, String status, Optional<Integer> exitCode) {
        return BatchJobs.stateChange(job, jobId, status, exitCode, exitCode.isPresent() ? "Essential container in task exited" : "",
                "111122223333", "us-east-1");
    }

    private static JsonNode handle(SourceEventHandler handler, JsonNode event) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(stream(event), answer, null);
        return Json.MAPPER.readTree(answer.toByteArray());
    }

    private static ByteArrayInputStream stream(JsonNode json) throws Exception {
        return new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(json));
    }

    private static SnsClient snsClient() {
        return new AwsClients(AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString()))).sns();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
