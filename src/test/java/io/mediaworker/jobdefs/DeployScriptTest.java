package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.RecordingHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/deploy and scripts/register-jobdefs: the placeholders they fill, and the CLI requests they make (on loopback). */
class DeployScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILLED = List.of("--region", "eu-west-1", "--account", "123456789012",
            "--file-system", "fs-0abc1234", "--access-point", "fsap-0def5678");

    private record Result(int exit, String out, String err) {}

    private static Result run(Map<String, String> env, List<String> args) throws Exception {
        Path out = Files.createTempFile("deploy", ".out");
        Path err = Files.createTempFile("deploy", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
            pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "script finished");
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static List<String> args(String script, List<String> options) {
        List<String> args = new ArrayList<>(List.of(script));
        args.addAll(options);
        return args;
    }

    @Test
    void renderingFillsEveryPlaceholder(@TempDir Path dir) throws Exception {
        List<String> options = new ArrayList<>(FILLED);
        options.addAll(List.of("--subnets", "subnet-1a,subnet-1b", "--security-group", "sg-0aa", "--render-only", dir.toString()));
        Result r = run(Map.of(), args("scripts/deploy", options));
        assertEquals(0, r.exit(), r.err());

        List<Path> rendered;
        try (Stream<Path> files = Files.walk(dir)) {
            rendered = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertEquals(JobDefinitionsTest.jobDefinitions().size() + 3 + 2, rendered.size());
        for (Path f : rendered) {
            String text = Files.readString(f);
            assertTrue(!text.contains("REPLACE_ME") && !text.contains("ACCOUNT_ID") && !text.contains("REGION"), f + ": " + text);
            JsonNode root = JSON.readTree(text);
            if (root.has("containerProperties")) {
                JsonNode efs = root.path("containerProperties").path("volumes").get(0).path("efsVolumeConfiguration");
                assertEquals("fs-0abc1234", efs.path("fileSystemId").asText());
                assertEquals("fsap-0def5678", efs.path("authorizationConfig").path("accessPointId").asText());
                assertTrue(root.path("containerProperties").path("image").asText().startsWith("123456789012.dkr.ecr.eu-west-1.amazonaws.com/media-worker"));
            }
            if (root.has("computeResources")) {
                assertEquals("[\"subnet-1a\",\"subnet-1b\"]", root.path("computeResources").path("subnets").toString());
                assertEquals("[\"sg-0aa\"]", root.path("computeResources").path("securityGroupIds").toString());
            }
        }
    }

    @Test
    void registeringWithoutTheFileSystemIsAUsageError() throws Exception {
        Result r = run(Map.of(), List.of("scripts/register-jobdefs", "--region", "eu-west-1", "--account", "123456789012"));
        assertEquals(2, r.exit());
        assertEquals("deploy: error: jobdefs needs --file-system and --access-point (or the efs step)", r.err().strip());
    }

    @Test
    void registerJobdefsSendsOneRegistrationPerFile() throws Exception {
        Optional<String> cli = AwsCliAcceptsJobdefsTest.workingCli();
        Assumptions.assumeTrue(cli.isPresent(), "no working AWS CLI: apt-get install awscli");
        try (RecordingHttpServer batch = new RecordingHttpServer(req -> RecordingHttpServer.Response.json(answer(req.body())))) {
            Map<String, String> env = Map.of("PATH", Path.of(cli.get()).getParent() + ":" + System.getenv("PATH"),
                    "AWS_ENDPOINT_URL", batch.endpoint().toString(), "AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "test-secret");
            Result r = run(env, args("scripts/register-jobdefs", FILLED));
            assertEquals(0, r.exit(), r.err());

            Set<String> expected = new TreeSet<>();
            for (Path def : JobDefinitionsTest.jobDefinitions()) expected.add(JSON.readTree(def.toFile()).path("jobDefinitionName").asText());
            Set<String> registered = new TreeSet<>();
            for (RecordingHttpServer.Request req : batch.requests()) {
                assertEquals("/v1/registerjobdefinition", req.path());
                JsonNode body = JSON.readTree(req.body());
                registered.add(body.path("jobDefinitionName").asText());
                assertEquals("fs-0abc1234", body.path("containerProperties").path("volumes").get(0).path("efsVolumeConfiguration").path("fileSystemId").asText());
            }
            assertEquals(expected, registered);
            assertEquals(expected.size(), r.out().lines().filter(l -> l.startsWith("arn:aws:batch:eu-west-1:123456789012:job-definition/")).count(), r.out());
        }
    }

    private static String answer(String body) {
        try {
            String name = JSON.readTree(body).path("jobDefinitionName").asText();
            return "{\"jobDefinitionName\":\"" + name + "\",\"jobDefinitionArn\":\"arn:aws:batch:eu-west-1:123456789012:job-definition/" + name + ":7\",\"revision\":7}";
        } catch (IOException e) {
            return "{}";
        }
    }
}
