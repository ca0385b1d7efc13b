package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import io.mediaworker.jobdefs.BatchRetryRules.Action;
import io.mediaworker.jobdefs.BatchRetryRules.Attempt;
import io.mediaworker.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Reads every AWS Batch job definition in jobdefs/ and checks what Batch and the worker will make of
 * it: the retry strategy evaluated as Batch does against DESIGN.md's exit-code table, the EFS
 * volume, the resources, the timeout, and each command line parsed by the worker's own CLI.
 */
class JobDefinitionsTest {
    /** DESIGN.md's table: which codes Batch should retry. */
    private static final Map<ExitCode, Action> CONTRACT = Map.of(
            ExitCode.INTERNAL, Action.RETRY, ExitCode.USAGE, Action.EXIT, ExitCode.INVALID_INPUT, Action.EXIT,
            ExitCode.TRANSIENT, Action.RETRY, ExitCode.QC_FAILED, Action.EXIT, ExitCode.TERMINATED, Action.RETRY);
    /** The job definitions the pipeline uses, by stage, and the subcommand each must run. */
    private static final Map<String, String> STAGES = Map.of("ingest.json", "ingest", "transcode-cpu.json", "transcode",
            "transcode-gpu.json", "transcode", "qc.json", "qc", "deliver.json", "deliver");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePipelineHasAJobDefinitionPerStageAndAGpuTranscode() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path def : jobDefinitions()) names.add(def.getFileName().toString());
        assertEquals(new TreeSet<>(STAGES.keySet()), names);
    }

    @Test
    void retryStrategiesAreAcceptableToBatchAndFollowTheExitCodeContract() throws IOException {
        for (Path def : jobDefinitions()) {
            BatchRetryRules strategy = BatchRetryRules.of(read(def).path("retryStrategy"));
            String name = def.getFileName().toString();
            assertEquals(List.of(), strategy.problems(), name);
            assertTrue(strategy.attempts() >= 2, name + " allows retries");
            for (int code = 1; code <= 255; code++) {
                Action expected = expectedAction(code);
                assertEquals(expected, strategy.actionFor(Attempt.exited(code)), name + ": exit " + code);
            }
            // A lost host (Spot reclaim, scale-in) is retried whatever the container said.
            for (Optional<Integer> code : List.of(Optional.<Integer>empty(), Optional.of(143), Optional.of(137), Optional.of(3))) {
                assertEquals(Action.RETRY, strategy.actionFor(new Attempt(code, "Host EC2 (instance i-0123456789abcdef0) terminated.", "")),
                        name + ": host terminated, exit " + code);
            }
        }
    }

    /** DESIGN.md's codes as listed; any other code (a crash, the OOM killer's 137) is not worth the same attempt again. */
    private static Action expectedAction(int code) {
        for (Map.Entry<ExitCode, Action> e : CONTRACT.entrySet()) if (e.getKey().code() == code) return e.getValue();
        return Action.EXIT;
    }

    @Test
    void theContentTreeIsEfsThroughAnAccessPointWithTransitEncryption() throws IOException {
        for (Path def : jobDefinitions()) {
            JsonNode container = read(def).path("containerProperties");
            String name = def.getFileName().toString();
            JsonNode mount = container.path("mountPoints").get(0);
            assertEquals("/content", mount.path("containerPath").asText(), name);
            assertFalse(mount.path("readOnly").asBoolean(), name);
            JsonNode volume = volume(container, mount.path("sourceVolume").asText());
            JsonNode efs = volume.path("efsVolumeConfiguration");
            assertTrue(efs.path("fileSystemId").asText().startsWith("fs-"), name);
            assertEquals("ENABLED", efs.path("transitEncryption").asText(), name);
            assertEquals("ENABLED", efs.path("authorizationConfig").path("iam").asText(), name);
            assertTrue(efs.path("authorizationConfig").path("accessPointId").asText().startsWith("fsap-"), name);
            // With an access point the root directory is the access point's: Batch refuses any other.
            assertTrue(efs.path("rootDirectory").isMissingNode() || efs.path("rootDirectory").asText().equals("/"), name);
            assertTrue(container.path("jobRoleArn").asText().startsWith("arn:aws:iam::"), name + " has a job role for EFS IAM auth");
        }
    }

    @Test
    void resourcesAndTimeoutsAreSet() throws IOException {
        for (Path def : jobDefinitions()) {
            JsonNode root = read(def);
            String name = def.getFileName().toString();
            Map<String, Integer> resources = resources(root);
            assertTrue(resources.getOrDefault("VCPU", 0) >= 1, name + " vCPUs");
            assertTrue(resources.getOrDefault("MEMORY", 0) >= 1024, name + " memory MiB");
            assertEquals(name.equals("transcode-gpu.json") ? 1 : 0, resources.getOrDefault("GPU", 0), name + " GPUs");
            int timeout = root.path("timeout").path("attemptDurationSeconds").asInt();
            assertTrue(timeout >= 60, name + ": Batch's minimum timeout is 60 s");
        }
    }

    @Test
    void everyCommandLineParsesWithTheWorkersOwnCli() throws IOException {
        Map<String, String> submitted = Map.of("assetId", "a1b2c3d4e5f60718293a", "source", "s3://media-in/shows/ep 01.mov");
        for (Path def : jobDefinitions()) {
            JsonNode root = read(def);
            String name = def.getFileName().toString();
            Map<String, String> parameters = new HashMap<>(submitted);
            root.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            List<String> args = new ArrayList<>();
            for (JsonNode arg : root.path("containerProperties").path("command")) args.add(substitute(arg.asText(), parameters, name));

            CommandLine cli = CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new StageContextFactory());
            ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), name + ": " + args);
            ParseResult stage = parsed.subcommand();
            assertEquals(STAGES.get(name), stage.commandSpec().name(), name);
            String positional = stage.matchedPositionals().get(0).getValue().toString();
            // ingest takes the s3:// location as given (a Path would fold "s3://" into "s3:/").
            assertEquals(name.equals("ingest.json") ? submitted.get("source") : submitted.get("assetId"), positional, name);
            assertEquals(Path.of(parameters.get("contentRoot")), parsed.commandSpec().findOption("--content-root").getValue(), name);
            if (name.equals("ingest.json")) assertEquals(submitted.get("assetId"), stage.matchedOptionValue("--asset-id", ""), name + ": ingest names the asset the other jobs use");
        }
    }

    /** Batch replaces a whole argument "Ref::name" by the parameter; one it does not know stays literal, a bug here. */
    private static String substitute(String arg, Map<String, String> parameters, String name) {
        if (!arg.startsWith("Ref::")) return arg;
        String value = parameters.get(arg.substring("Ref::".length()));
        assertTrue(value != null, name + ": " + arg + " is neither submitted nor defaulted in parameters");
        return value;
    }

    private static Map<String, Integer> resources(JsonNode root) {
        Map<String, Integer> resources = new HashMap<>();
        for (JsonNode r : root.path("containerProperties").path("resourceRequirements")) resources.put(r.path("type").asText(), r.path("value").asInt());
        return resources;
    }

    private static JsonNode volume(JsonNode container, String name) {
        for (JsonNode v : container.path("volumes")) if (v.path("name").asText().equals(name)) return v;
        throw new AssertionError("no volume " + name);
    }

    private static JsonNode read(Path def) throws IOException { return JSON.readTree(def.toFile()); }

    static List<Path> jobDefinitions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobdefs"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
