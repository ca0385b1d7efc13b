package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.aws.batch.InMemoryPipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.testing.RecordingBatch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code submit} through the same factory as main; a real submission goes to a loopback Batch endpoint. */
class SubmitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "AKIDTEST", "aws.secretAccessKey", "test-secret", "aws.region", "eu-west-1");

    private record Run(int exit, String out, String err) {}

    private RecordingBatch batch;
    private final InMemoryPipelineRegistry registry = new InMemoryPipelineRegistry();

    /** The SDK's default chains read these system properties first: credentials and region as a deployment would have them. */
    @BeforeAll
    static void credentials() { CREDENTIALS.forEach(System::setProperty); }

    @AfterAll
    static void noCredentials() { CREDENTIALS.keySet().forEach(System::clearProperty); }

    @BeforeEach
    void start() throws Exception { batch = new RecordingBatch(); }

    @AfterEach
    void stop() { batch.close(); }

    private Run run(PipelineRegistry table, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StageContextFactory contexts = new StageContextFactory(Map.of()) {
            @Override public PipelineRegistry pipelineRegistry() { return table; }
        };
        int exit = CommandLineFactory.create(new PrintWriter(out), new PrintWriter(err), contexts).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A status table that must not be asked: a dry run needs no credentials and no table. */
    private static final PipelineRegistry UNREACHABLE = (PipelineRegistry) java.lang.reflect.Proxy.newProxyInstance(
            SubmitCommandTest.class.getClassLoader(), new Class<?>[] {PipelineRegistry.class}, (proxy, method, a) -> {
                throw new AssertionError("the status table was asked: " + method.getName());
            });

    @Test
    void aDryRunPrintsTheFourRequestsAndSendsNothing() throws Exception {
        Run run = run(UNREACHABLE, "--content-root", "/content/tenant-a", "submit", "s3://media-in/shows/ep01.mov", "--asset-id", "ep01",
                "--transcode-on", "gpu", "--job-queue", "cpu-q", "--gpu-queue", "gpu-q", "--dry-run");

        assertEquals(0, run.exit(), run.err());
        JsonNode printed = JSON.readTree(run.out());
        JsonNode requests = printed.path("requests");
        assertEquals(4, requests.size());
        assertEquals(List.of("SubmitJob", "SubmitJob", "SubmitJob", "SubmitJob"), texts(requests, "operation"));
        assertEquals(List.of("cpu-q", "gpu-q", "cpu-q", "cpu-q"), texts(requests, "jobQueue"));
        assertEquals(List.of("media-worker-ingest", "media-worker-transcode-gpu", "media-worker-qc", "media-worker-deliver"), texts(requests, "jobDefinition"));
        assertEquals(0, requests.get(0).path("dependsOn").size());
        for (int i = 1; i < 4; i++) {
            assertEquals("<jobId of " + requests.get(i - 1).path("jobName").asText() + ">", requests.get(i).path("dependsOn").get(0).path("jobId").asText());
        }
        for (JsonNode r : requests) {
            assertEquals("/content/tenant-a", r.path("parameters").path("contentRoot").asText());
            assertEquals("ep01", r.path("parameters").path("assetId").asText());
        }
        assertEquals(List.of(), batch.requests());
    }

    @Test
    void aSubmissionPrintsTheIdsBatchGaveAndASecondOneStartsNothing() throws Exception {
        String endpoint = batch.endpoint().toString();
        Run first = run(registry, "submit", "s3://media-in/shows/ep01.mov", "--source-version", "v1", "--endpoint-url", endpoint);
        Run second = run(registry, "submit", "s3://media-in/shows/ep01.mov", "--source-version", "v1", "--endpoint-url", endpoint);

        assertEquals(0, first.exit(), first.err());
        JsonNode printed = JSON.readTree(first.out());
        assertTrue(printed.path("started").asBoolean());
        List<JsonNode> sent = batch.bodies("/v1/submitjob");
        assertEquals(4, sent.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(batch.idOf(sent.get(i).path("jobName").asText()), printed.path("jobs").get(i).path("jobId").asText());
        }

        assertEquals(0, second.exit(), second.err());
        assertFalse(JSON.readTree(second.out()).path("started").asBoolean());
        assertEquals(4, batch.bodies("/v1/submitjob").size());
    }

    @Test
    void aSourceTheJobCannotReadIsAUsageError() {
        for (String source : List.of("relative/clip.mov", "s3://bucket-only", "s3://media-in/folder/")) {
            Run run = run(UNREACHABLE, "submit", source, "--dry-run");
            assertEquals(2, run.exit(), source);
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("media-worker: error: source '" + source + "'") && run.err().strip().lines().count() == 1, run.err());
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
