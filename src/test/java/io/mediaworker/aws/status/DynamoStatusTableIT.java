package io.mediaworker.aws.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.aws.batch.JobStateChange;
import io.mediaworker.aws.batch.PipelineClaim;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistryProvider;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.aws.batch.SubmittedJob;
import io.mediaworker.model.AssetId;
import io.mediaworker.testing.LocalDynamo;
import io.mediaworker.testing.SdkTestCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The status table against a real DynamoDB-compatible server (dynalite on loopback): each item is
 * read back with the test's own plain client, and late, duplicated and racing writes are shown to
 * never move an asset backwards.
 */
class DynamoStatusTableIT {
    static final String TABLE = "media-worker-status";
    static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");
    static final AtomicInteger ASSETS = new AtomicInteger();

    static LocalDynamo dynamo;
    static AwsClients aws;
    static DynamoStatusTable table;

    @BeforeAll
    static void start() throws Exception {
        SdkTestCredentials.install();
        dynamo = LocalDynamo.start();
        dynamo.createStatusTable(TABLE);
        aws = AwsClients.fromEnvironment(dynamo.workerEnvironment());
        table = new DynamoStatusTable(aws.dynamoDb(), TABLE, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() throws Exception {
        if (aws != null) aws.close();
        if (dynamo != null) dynamo.close();
    }

    @Test
    void eachStageIsRecordedWithItsTimesAttemptAndFacts() {
        AssetId id = newAsset();
        assertTrue(table.record(at(id, PipelineStage.INGEST, StageState.RUNNING, 1, 0).withSource("s3://in/a.mp4")));
        assertTrue(table.record(at(id, PipelineStage.INGEST, StageState.SUCCEEDED, 1, 5)));
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.RUNNING, 1, 10)));
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.SUCCEEDED, 1, 70).withEncoder("h264_nvenc")));
        assertTrue(table.record(at(id, PipelineStage.QC, StageState.SUCCEEDED, 1, 90).withQcVerdict("PASS")));
        assertTrue(table.record(at(id, PipelineStage.DELIVER, StageState.DELIVERED, 1, 95)
                .withOutputs(List.of("s3://out/x/720p.mp4", "s3://out/x/qc.json"))));

        Map<String, AttributeValue> item = item(id);
        assertEquals("deliver", s(item, "stage"));
        assertEquals("DELIVERED", s(item, "status"));
        assertEquals("s3://in/a.mp4", s(item, "source"));
        assertEquals("h264_nvenc", s(item, "encoder"));
        assertEquals("PASS", s(item, "qcVerdict"));
        assertEquals(List.of("s3://out/x/720p.mp4", "s3://out/x/qc.json"), item.get("outputs").l().stream().map(AttributeValue::s).toList());
        assertEquals(T0.toString(), s(item, "ingestStartedAt"));
        assertEquals(T0.plusSeconds(5).toString(), s(item, "ingestEndedAt"));
        assertEquals(T0.plusSeconds(10).toString(), s(item, "transcodeStartedAt"));
        assertEquals(T0.plusSeconds(70).toString(), s(item, "transcodeEndedAt"));
        assertEquals("SUCCEEDED", s(item, "transcodeStatus"));
        assertEquals("1", item.get("deliverAttempt").n());
        assertEquals(T0.plusSeconds(95).toString(), s(item, "updatedAt"));
    }

    @Test
    void aLateOrDuplicatedUpdateNeverMovesTheAssetBackwards() {
        AssetId id = newAsset();
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.RUNNING, 2, 10)));
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.SUCCEEDED, 2, 60).withEncoder("libx264")));
        // Delivered late, or twice: an earlier stage, an earlier attempt, the same attempt's RUNNING.
        assertFalse(table.record(at(id, PipelineStage.INGEST, StageState.SUCCEEDED, 1, 61)));
        assertFalse(table.record(at(id, PipelineStage.TRANSCODE, StageState.FAILED, 1, 62).withFailure("error: old attempt", Optional.of(4))));
        assertFalse(table.record(at(id, PipelineStage.TRANSCODE, StageState.RUNNING, 2, 63)));

        Map<String, AttributeValue> item = item(id);
        assertEquals("transcode", s(item, "stage"));
        assertEquals("SUCCEEDED", s(item, "status"));
        assertEquals("2", item.get("attempt").n());
        assertEquals("libx264", s(item, "encoder"));
        assertFalse(item.containsKey("failureReason"), "the stale failure was not written");
        assertFalse(item.containsKey("ingestEndedAt"), "nothing of the refused update was written");
        assertEquals(T0.plusSeconds(60).toString(), s(item, "updatedAt"));
    }

    @Test
    void aRetryThatSucceedsClearsTheFailureOfTheAttemptBefore() {
        AssetId id = newAsset();
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.FAILED, 1, 10)
                .withFailure("error: ffmpeg made no progress for 120 s", Optional.of(4))));
        assertEquals("4", item(id).get("exitCode").n());
        assertTrue(table.record(at(id, PipelineStage.TRANSCODE, StageState.RUNNING, 2, 20)));
        Map<String, AttributeValue> item = item(id);
        assertEquals("RUNNING", s(item, "status"));
        assertFalse(item.containsKey("failureReason"));
        assertFalse(item.containsKey("exitCode"));
    }

    @Test
    void racingWritersLeaveTheFurthestState() throws Exception {
        AssetId id = newAsset();
        List<StatusUpdate> updates = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            for (StageState state : List.of(StageState.RUNNING, StageState.SUCCEEDED)) {
                for (int copy = 0; copy < 3; copy++) updates.add(at(id, stage, state, 1, updates.size()));
            }
        }
        java.util.Collections.shuffle(updates, new java.util.Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = pool.invokeAll(updates.stream().map(u -> (Callable<Boolean>) () -> table.record(u)).toList());
            for (Future<Boolean> f : results) f.get();
        } finally {
            pool.shutdown();
        }
        Map<String, AttributeValue> item = item(id);
        assertEquals("deliver", s(item, "stage"));
        assertEquals("SUCCEEDED", s(item, "status"));
        assertEquals(Long.toString(at(id, PipelineStage.DELIVER, StageState.SUCCEEDED, 1, 0).progress()), item.get("progress").n());
    }

    @Test
    void oneClaimWinsWhileAPipelineRuns() throws Exception {
        AssetId id = newAsset();
        PipelineClaim claim = new PipelineClaim(id, "s3://in/b.mp4", T0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        int won;
        try {
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(6, (Callable<Boolean>) () -> table.startIfIdle(claim)));
            won = 0;
            for (Future<Boolean> f : results) won += f.get() ? 1 : 0;
        } finally {
            pool.shutdown();
        }
        assertEquals(1, won, "six duplicate events, one pipeline");
        Map<String, AttributeValue> item = item(id);
        assertEquals("RUNNING", s(item, "pipeline"));
        assertEquals("1", item.get("run").n());
        assertEquals("s3://in/b.mp4", s(item, "source"));

        List<SubmittedJob> jobs = List.of(new SubmittedJob(PipelineStage.INGEST, "media-worker-ingest-" + id, "job-1", "cpu"),
                new SubmittedJob(PipelineStage.TRANSCODE, "media-worker-transcode-" + id, "job-2", "gpu"));
        table.recordSubmitted(id, jobs);
        item = item(id);
        assertEquals("job-2", item.get("jobs").m().get("transcode").m().get("jobId").s());
        assertEquals("gpu", item.get("jobs").m().get("transcode").m().get("jobQueue").s());
        assertEquals("job-1", s(item, "ingestJobId"));

        table.release(id, "SubmitJob failed: throttled");
        assertEquals("FAILED", s(item(id), "pipeline"));
        assertEquals("SubmitJob failed: throttled", s(item(id), "failureReason"));
        assertTrue(table.startIfIdle(new PipelineClaim(id, "s3://in/b.mp4", T0.plusSeconds(60))), "released: a new try may start");
        item = item(id);
        assertEquals("2", item.get("run").n());
        assertFalse(item.containsKey("failureReason"), "the new run starts clean");
        assertFalse(item.containsKey("jobs"));
    }

    @Test
    void batchEventsAreRecordedOnceAndTheEndOnlyOnce() {
        AssetId id = newAsset();
        assertTrue(table.startIfIdle(new PipelineClaim(id, "s3://in/c.mp4", T0)));
        JobStateChange running = change(id, PipelineStage.INGEST, "RUNNING", Optional.empty(), 1, 5, PipelineState.RUNNING);
        assertTrue(table.recordJobState(running));
        assertFalse(table.recordJobState(running), "the same event again is not news");

        // The worker adds its facts to the state the event recorded; the event for deliver ends the pipeline once.
        assertTrue(table.record(at(id, PipelineStage.DELIVER, StageState.DELIVERED, 1, 30).withOutputs(List.of("s3://out/c/720p.mp4"))));
        JobStateChange delivered = change(id, PipelineStage.DELIVER, "SUCCEEDED", Optional.of(0), 1, 31, PipelineState.SUCCEEDED);
        assertTrue(table.recordJobState(delivered), "the pipeline's end is recorded even though the worker got there first");
        assertFalse(table.recordJobState(delivered), "and only once: the caller notifies once");
        JobStateChange late = change(id, PipelineStage.QC, "SUCCEEDED", Optional.of(0), 1, 32, PipelineState.RUNNING);
        assertFalse(table.recordJobState(late));

        Map<String, AttributeValue> item = item(id);
        assertEquals("SUCCEEDED", s(item, "pipeline"));
        assertEquals("DELIVERED", s(item, "status"));
        assertEquals("job-deliver", s(item, "deliverJobId"));
        assertEquals(List.of("s3://out/c/720p.mp4"), item.get("outputs").l().stream().map(AttributeValue::s).toList());
        assertTrue(table.startIfIdle(new PipelineClaim(id, "s3://in/c.mp4", T0.plusSeconds(100))), "an ended pipeline may be started again");
    }

    @Test
    void aFailedJobRecordsItsReasonAndExitCode() {
        AssetId id = newAsset();
        assertTrue(table.startIfIdle(new PipelineClaim(id, "s3://in/d.mp4", T0)));
        assertTrue(table.recordJobState(change(id, PipelineStage.QC, "FAILED", Optional.of(5), 1, 40, PipelineState.FAILED)));
        // Batch fails the jobs that depended on it too; those events come after the end and change nothing.
        assertFalse(table.recordJobState(change(id, PipelineStage.DELIVER, "FAILED", Optional.empty(), 1, 41, PipelineState.FAILED)));
        Map<String, AttributeValue> item = item(id);
        assertEquals("qc", s(item, "stage"));
        assertEquals("FAILED", s(item, "status"));
        assertEquals("FAILED", s(item, "pipeline"));
        assertEquals("5", item.get("exitCode").n());
        assertEquals("Essential container in task exited", s(item, "failureReason"));
    }

    @Test
    void theProviderIsFoundThroughTheServiceLoader() {
        Map<String, String> env = new java.util.HashMap<>(dynamo.workerEnvironment());
        env.put("MEDIA_STATUS_TABLE", TABLE);
        PipelineRegistry registry = PipelineRegistryProvider.load(env);
        assertInstanceOf(DynamoStatusTable.class, registry);
        AssetId id = newAsset();
        assertTrue(registry.startIfIdle(new PipelineClaim(id, "s3://in/e.mp4", T0)));
        assertEquals("RUNNING", s(item(id), "pipeline"), "it writes to the table MEDIA_STATUS_TABLE names");
    }

    @Test
    void theScriptCreatesATableTheWorkerCanWrite() {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("aws"), "the AWS CLI is not installed: scripts/create-status-table is not tried");
        Map<String, String> cli = new java.util.HashMap<>(dynamo.workerEnvironment());
        cli.putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true"));
        for (int run = 0; run < 2; run++) { // the second run finds the table and leaves it
            var r = io.mediaworker.testing.ExternalProgram.run(List.of("scripts/create-status-table", "status-from-script"), cli, 120);
            assertEquals(0, r.exitCode(), r.stderr());
        }
        var described = dynamo.client().describeTable(b -> b.tableName("status-from-script")).table();
        assertEquals("assetId", described.keySchema().get(0).attributeName());
        assertEquals("PAY_PER_REQUEST", described.billingModeSummary().billingModeAsString());
        DynamoStatusTable scripted = new DynamoStatusTable(aws.dynamoDb(), "status-from-script", Clock.fixed(T0, ZoneOffset.UTC));
        assertTrue(scripted.record(at(AssetId.of("scripted1"), PipelineStage.QC, StageState.RUNNING, 1, 0)));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) return true;
        }
        return false;
    }

    private static JobStateChange change(AssetId id, PipelineStage stage, String status, Optional<Integer> exit, int attempts,
                                         int second, PipelineState pipeline) {
        return new JobStateChange(id, stage, "job-" + stage.id(), "media-worker-" + stage.id() + "-" + id, status, exit,
                "Essential container in task exited", attempts, T0.plusSeconds(second), pipeline);
    }

    private static StatusUpdate at(AssetId id, PipelineStage stage, StageState state, int attempt, int second) {
        return StatusUpdate.of(id, stage, state, attempt, T0.plusSeconds(second));
    }

    private static AssetId newAsset() {
        return AssetId.of("asset" + ASSETS.incrementAndGet());
    }

    private static Map<String, AttributeValue> item(AssetId id) {
        return dynamo.client().getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("assetId", AttributeValue.fromS(id.value())))).item();
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
