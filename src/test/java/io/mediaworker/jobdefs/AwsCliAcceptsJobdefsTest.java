package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.RecordingHttpServer;
import io.mediaworker.testing.RecordingHttpServer.Request;
import io.mediaworker.testing.RecordingHttpServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hands every file in jobdefs/ to the AWS CLI's own command for it, pointed at a loopback endpoint.
 * The CLI checks its input against the Batch service model (unknown keys, missing members, types)
 * before it sends anything, so a request arriving here with the file's content proves the CLI
 * accepts the file. Skipped, with a message, when no working {@code aws} is installed.
 */
class AwsCliAcceptsJobdefsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String aws;

    @BeforeAll
    static void findTheCli() {
        Optional<String> found = workingCli();
        Assumptions.assumeTrue(found.isPresent(), "no working AWS CLI ('aws --version' fails or is missing): apt-get install awscli");
        aws = found.get();
    }

    @Test
    void jobDefinitionsRegister() throws Exception {
        for (Path def : JobDefinitionsTest.jobDefinitions()) assertAccepted("register-job-definition", def, "/v1/registerjobdefinition");
    }

    @Test
    void computeEnvironmentsAreCreated() throws Exception {
        List<Path> files = files("jobdefs/compute-environments");
        assertEquals(3, files.size(), "on-demand, Spot and GPU");
        for (Path f : files) assertAccepted("create-compute-environment", f, "/v1/createcomputeenvironment");
    }

    @Test
    void jobQueuesAreCreated() throws Exception {
        List<Path> files = files("jobdefs/job-queues");
        assertEquals(2, files.size(), "CPU and GPU");
        for (Path f : files) assertAccepted("create-job-queue", f, "/v1/createjobqueue");
    }

    /** The harness itself can fail: a misspelt key is refused by the CLI and nothing is sent. */
    @Test
    void theCliRefusesAFileWithAnUnknownKey(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("jobdefs/qc.json")).replace("\"jobDefinitionName\"", "\"jobDefinitionNam\"");
        Path bad = Files.writeString(dir.resolve("bad.json"), text);
        try (RecordingHttpServer server = new RecordingHttpServer(r -> Response.json("{}"))) {
            Result result = runCli(server, "register-job-definition", bad);
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("jobDefinitionNam"), result.output());
            assertEquals(List.of(), server.requests());
        }
    }

    private static void assertAccepted(String command, Path file, String expectedPath) throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer(r -> Response.json("{}"))) {
            Result result = runCli(server, command, file);
            assertEquals(0, result.exitCode(), file + ": " + result.output());
            List<Request> sent = server.requests();
            assertEquals(1, sent.size(), file + ": one request");
            assertEquals("POST", sent.get(0).method());
            assertEquals(expectedPath, sent.get(0).path(), file.toString());
            JsonNode expected = JSON.readTree(file.toFile());
            assertEquals(expected, JSON.readTree(sent.get(0).body()), file + ": the CLI sent the file as it is");
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result runCli(RecordingHttpServer server, String command, Path file) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(aws, "batch", command, "--cli-input-json", "file://" + file.toAbsolutePath(),
                "--endpoint-url", server.endpoint().toString(), "--region", "us-east-1", "--output", "json");
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDLOOPBACKTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "loopback-test-secret");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "aws finished");
        return new Result(p.exitValue(), output);
    }

    /** Debian's package first, then whatever is on PATH (a pyenv shim may be there and broken). */
    static Optional<String> workingCli() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/aws"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "aws").toString());
        }
        for (String candidate : candidates) {
            if (!Files.isExecutable(Path.of(candidate))) continue;
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return Optional.of(candidate);
            } catch (IOException e) {
                // not usable; try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<Path> files(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
