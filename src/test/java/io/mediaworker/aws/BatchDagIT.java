package io.mediaworker.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.aws.batch.InMemoryPipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.aws.batch.SnsPipelineNotifier;
import io.mediaworker.aws.lambda.JobStateHandler;
import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import io.mediaworker.model.AssetId;
import io.mediaworker.testing.BatchJobs;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.RecordingBatch;
import io.mediaworker.testing.RecordingHttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The Batch side end to end, with Batch itself played by this test: {@code submit} sends the DAG to
 * a loopback endpoint; each captured SubmitJob is run as Batch would run it (the command of the
 * registered job definition in jobdefs/, its {@code Ref::} parameters replaced by the submitted
 * ones, in dependsOn order, a job whose dependency failed never started) through the worker's own
 * CLI with real ffmpeg; each job's end becomes a "Batch Job State Change" event for the job-state
 * handler, whose SNS Publish lands on another loopback endpoint.
 */
class BatchDagIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:media-worker-pipeline";
    private static final Map<String, String> CREDENTIALS = Map.of("aws.accessKeyId", "AKIDTEST", "aws.secretAccessKey", "test-secret", "aws.region", "eu-west-1");

    @TempDir static Path mediaDir;
    static GeneratedMedia media;
    @TempDir Path work;

    private RecordingBatch batch;
    private RecordingHttpServer sns;
    private SnsClient snsClient;
    private final InMemoryPipelineRegistry registry = new InMemoryPipelineRegistry();
    private JobStateHandler jobEvents;

    @BeforeAll
    static void setUp() {
        GeneratedMedia.assumeFfmpeg();
        media = new GeneratedMedia(mediaDir);
        CREDENTIALS.forEach(System::setProperty);
    }

    @AfterAll
    static void tearDown() { CREDENTIALS.keySet().forEach(System::clearProperty); }

    @BeforeEach
    void start() throws IOException {
        batch = new RecordingBatch();
        sns = new RecordingHttpServer(r -> new RecordingHttpServer.Response(200, "text/xml",
                "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>"));
        snsClient = SnsClient.builder().endpointOverride(sns.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"))).build();
        jobEvents = new JobStateHandler(registry, new SnsPipelineNotifier(snsClient, TOPIC), "media-worker-");
    }

    @AfterEach
    void stop() {
        snsClient.close();
        sns.close();
        batch.close();
    }

    @Test
    void aSubmittedSourceIsTranscodedCheckedDeliveredAndAnnouncedOnce() throws Exception {
        Path content = work.resolve("content");
        Path delivery = Files.createDirectories(work.resolve("delivery"));
        JsonNode submitted = submit(media.mov(), content, delivery);
        AssetId id = AssetId.of(submitted.path("assetId").asText());

        List<Integer> exits = runAsBatch();

        assertEquals(List.of(0, 0, 0, 0), exits);
        Path delivered = delivery.resolve(id.value());
        assertTrue(Files.isRegularFile(delivered.resolve("manifest.json")), "manifest delivered");
        List<Path> renditions;
        try (Stream<Path> files = Files.list(delivered)) {
            renditions = files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
        assertFalse(renditions.isEmpty(), "renditions delivered");
        for (Path r : renditions) {
            Ffprobe.Probe probe = Ffprobe.probe(r);
            assertEquals("h264", probe.videos().get(0).path("codec_name").asText(), r.toString());
            assertEquals(3.0, probe.durationSeconds(), 0.2, r.toString()); // media.mov() is 3 s
        }

        assertEquals(1, sns.requests().size(), "one notification for the whole pipeline");
        JsonNode message = message(sns.requests().get(0));
        assertEquals("pipeline.succeeded", message.path("event").asText());
        assertEquals(id.value(), message.path("assetId").asText());
        assertEquals(media.mov().toString(), message.path("source").asText());
        assertEquals(delivery.toString(), message.path("destination").asText());
        assertEquals(Optional.of(PipelineState.SUCCEEDED), registry.state(id));

        // The pipeline has ended: the same source may be submitted again, and every stage finds its work done.
        assertTrue(submit(media.mov(), content, delivery).path("started").asBoolean());
    }

    @Test
    void aSourceThatIsNoMediaFailsAtIngestAndIsAnnouncedOnce() throws Exception {
        Path delivery = Files.createDirectories(work.resolve("delivery"));
        JsonNode submitted = submit(media.textAsMp4(), work.resolve("content"), delivery);

        List<Integer> exits = runAsBatch();

        assertEquals(List.of(3), exits, "ingest exits 3; the jobs behind it never start");
        assertEquals(1, sns.requests().size());
        JsonNode message = message(sns.requests().get(0));
        assertEquals("pipeline.failed", message.path("event").asText());
        assertEquals("ingest", message.path("stage").asText());
        assertEquals(3, message.path("exitCode").asInt());
        assertEquals(Optional.of(PipelineState.FAILED), registry.state(AssetId.of(submitted.path("assetId").asText())));
        assertFalse(Files.exists(delivery.resolve(submitted.path("assetId").asText())));
    }

    private JsonNode submit(Path source, Path content, Path delivery) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StageContextFactory contexts = new StageContextFactory() {
            @Override public PipelineRegistry pipelineRegistry() { return registry; }
        };
        int exit = CommandLineFactory.create(new PrintWriter(out), new PrintWriter(err), contexts).execute("--content-root", content.toString(),
                "submit", source.toString(), "--deliver-to", delivery.toString(), "--endpoint-url", batch.endpoint().toString());
        assertEquals(0, exit, err.toString());
        return JSON.readTree(out.toString());
    }

    /** Runs the captured jobs in order as Batch would; returns the exit code of each job that started. */
    private List<Integer> runAsBatch() throws IOException {
        List<Integer> exits = new ArrayList<>();
        boolean dependencyFailed = false;
        for (JsonNode job : batch.bodies("/v1/submitjob")) {
            String jobId = batch.idOf(job.path("jobName").asText());
            if (dependencyFailed) {
                jobEvent(job, jobId, "FAILED", Optional.empty(), "Dependent Job failed");
                continue;
            }
            jobEvent(job, jobId, "RUNNING", Optional.empty(), "");
            CliResult result = InProcessCli.run(command(job).toArray(String[]::new));
            exits.add(result.exitCode());
            jobEvent(job, jobId, result.exitCode() == 0 ? "SUCCEEDED" : "FAILED", Optional.of(result.exitCode()), "Essential container in task exited");
            dependencyFailed = result.exitCode() != 0;
        }
        return exits;
    }

    private static List<String> command(JsonNode job) throws IOException {
        return BatchJobs.command(job);
    }

    private void jobEvent(JsonNode job, String jobId, String status, Optional<Integer> exitCode, String reason) throws IOException {
        JsonNode event = BatchJobs.stateChange(job, jobId, status, exitCode, reason, "123456789012", "eu-west-1");
        jobEvents.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), new ByteArrayOutputStream(), null);
    }

    private static JsonNode message(RecordingHttpServer.Request publish) throws IOException {
        for (String pair : publish.body().split("&")) {
            if (pair.startsWith("Message=")) return JSON.readTree(URLDecoder.decode(pair.substring("Message=".length()), StandardCharsets.UTF_8));
        }
        throw new AssertionError("no Message in " + publish.body());
    }
}
