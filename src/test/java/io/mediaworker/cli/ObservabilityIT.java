package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.JarLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format json} as CloudWatch sees it, from the packaged jar in a child process (logback
 * writes to the real stderr, which only a child process lets us read): every line a JSON object with
 * the job's identity, and one EMF object per stage with plausible figures.
 */
class ObservabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STAGES = List.of("ingest", "transcode", "qc", "deliver");

    @TempDir static Path dir;
    static CliResult run;
    static Path source;
    static Path delivered;

    @BeforeAll
    static void runTheWholePipelineWithJsonLogs() throws IOException {
        GeneratedMedia.assumeFfmpeg();
        source = new GeneratedMedia(dir).mp4();
        Path profile = Files.writeString(dir.resolve("fast.json"), """
                {"name": "fast", "preset": "veryfast",
                 "rungs": [{"height": 360, "videoKbps": 500}, {"height": 240, "videoKbps": 250}]}
                """, StandardCharsets.UTF_8);
        run = JarLauncher.run(Map.of("AWS_BATCH_JOB_ID", "job-42", "AWS_BATCH_JOB_ATTEMPT", "2"),
                List.of("--log-format", "json", "--content-root", dir.resolve("content").toString(), "run", source.toString(),
                        "--to", dir.resolve("dest").toString(), "--profile", profile.toString()));
        assertEquals(0, run.exitCode(), run.describe());
        delivered = dir.resolve("dest").resolve(run.stdout().trim());
    }

    /** A re-run that finds the work done says so and emits no figures: CloudWatch would count the asset twice. */
    @Test
    void aStageWithNothingToDoEmitsNoFigures() {
        String id = run.stdout().trim();
        for (String stage : List.of("transcode", "qc")) {
            CliResult again = JarLauncher.run(List.of("--log-format", "json", "--content-root", dir.resolve("content").toString(), stage, id));
            assertEquals(0, again.exitCode(), again.describe());
            assertTrue(again.stderr().contains("already"), again.describe());
            assertEquals(0, again.stderrLines().stream().filter(l -> parse(l).has("_aws")).count(), again.describe());
        }
    }

    @Test
    void stdoutIsTheAssetIdOnly() {
        assertTrue(run.stdout().matches("[0-9a-f]{20}\\n"), run.describe());
    }

    @Test
    void everyStderrLineIsAJsonObjectWithTheJobsIdentity() {
        String assetId = run.stdout().trim();
        for (String line : run.stderrLines()) {
            JsonNode node = parse(line);
            assertEquals(assetId, node.path("assetId").asText(), "assetId on " + line);
            assertTrue(STAGES.contains(node.path("stage").asText()), "stage on " + line);
            assertEquals("2", node.path("attempt").asText(), "attempt on " + line);
            assertEquals("job-42", node.path("batchJobId").asText(), "batchJobId on " + line);
        }
    }

    @Test
    void eachStageEmitsOneEmbeddedMetricLineWithPlausibleFigures() throws IOException {
        Map<String, JsonNode> emf = new LinkedHashMap<>();
        for (String line : run.stderrLines()) {
            JsonNode node = parse(line);
            if (!node.has("_aws")) continue;
            assertWellFormedEmf(node);
            assertEquals(null, emf.put(node.get("Stage").asText(), node), "two EMF lines for one stage: " + line);
        }
        assertEquals(STAGES, new ArrayList<>(emf.keySet()), run.describe());

        long sourceSize = Files.size(source);
        long renditions = Files.size(delivered.resolve("360p.mp4")) + Files.size(delivered.resolve("240p.mp4"));
        JsonNode ingest = emf.get("ingest"), transcode = emf.get("transcode"), qc = emf.get("qc"), deliver = emf.get("deliver");
        assertTrue(ingest.get("BytesRead").asLong() >= sourceSize, "ingest reads the source: " + ingest);
        assertTrue(ingest.get("BytesWritten").asLong() >= sourceSize, "ingest writes its copy: " + ingest);
        assertTrue(transcode.get("BytesRead").asLong() >= sourceSize, "ffmpeg's reads count once it is reaped: " + transcode);
        assertTrue(transcode.get("BytesWritten").asLong() >= renditions, "ffmpeg's writes count once it is reaped: " + transcode);
        assertEquals("libx264", transcode.get("Encoder").asText(), transcode.toString());
        assertTrue(transcode.get("RealtimeFactor").asDouble() > 0, transcode.toString());
        assertTrue(qc.get("BytesRead").asLong() >= renditions, "QC decodes every rendition: " + qc);
        assertEquals("PASS", qc.get("QcVerdict").asText(), qc.toString());
        assertTrue(qc.get("RealtimeFactor").asDouble() > 0, qc.toString());
        assertTrue(deliver.get("BytesWritten").asLong() >= renditions, "deliver copies the renditions: " + deliver);
        for (JsonNode stage : emf.values()) {
            assertTrue(stage.get("DurationSeconds").asDouble() > 0 && stage.get("DurationSeconds").asDouble() < 300, stage.toString());
        }
    }

    /** The documented shape: {@code _aws.Timestamp}, one directive with namespace, the Stage dimension, each metric a top-level number. */
    private static void assertWellFormedEmf(JsonNode node) {
        JsonNode aws = node.get("_aws");
        assertTrue(aws.get("Timestamp").isIntegralNumber(), node.toString());
        assertEquals(1, aws.get("CloudWatchMetrics").size(), node.toString());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("MediaWorker", directive.get("Namespace").asText());
        assertEquals("[[\"Stage\"]]", directive.get("Dimensions").toString(), "one low-cardinality dimension set");
        assertTrue(node.get("Stage").isTextual(), node.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode m : directive.get("Metrics")) {
            names.add(m.get("Name").asText());
            assertTrue(List.of("Seconds", "Bytes", "None").contains(m.get("Unit").asText()), m.toString());
            assertTrue(node.path(m.get("Name").asText()).isNumber(), "metric " + m + " has no value in " + node);
        }
        assertTrue(names.containsAll(List.of("DurationSeconds", "BytesRead", "BytesWritten")), names.toString());
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) return node;
        } catch (IOException e) {
            // reported below
        }
        return fail("stderr line is not a JSON object: " + line + "\n" + run.describe());
    }
}
