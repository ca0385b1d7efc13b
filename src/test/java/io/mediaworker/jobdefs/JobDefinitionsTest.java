package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the AWS Batch job definitions in jobdefs/ and proves their retry strategies say what the
 * exit-code table of DESIGN.md says, evaluating evaluateOnExit the way Batch does: first match wins.
 */
class JobDefinitionsTest {
    /** DESIGN.md's table: which codes Batch should retry. */
    private static final Map<ExitCode, String> EXPECTED = Map.of(
            ExitCode.INTERNAL, "RETRY", ExitCode.USAGE, "EXIT", ExitCode.INVALID_INPUT, "EXIT",
            ExitCode.TRANSIENT, "RETRY", ExitCode.QC_FAILED, "EXIT", ExitCode.TERMINATED, "RETRY");

    @Test
    void everyJobDefinitionRetriesExactlyTheTransientCodes() throws IOException {
        List<Path> defs = jobDefinitions();
        assertFalse(defs.isEmpty(), "jobdefs/ holds job definitions");
        for (Path def : defs) {
            JsonNode rules = new ObjectMapper().readTree(def.toFile()).path("retryStrategy").path("evaluateOnExit");
            assertTrue(rules.size() > 0, def + " has evaluateOnExit rules");
            for (Map.Entry<ExitCode, String> e : EXPECTED.entrySet()) {
                assertEquals(e.getValue(), action(rules, Integer.toString(e.getKey().code()), "Essential container in task exited"),
                        def.getFileName() + ": exit " + e.getKey().code());
            }
            assertEquals("RETRY", action(rules, "", "Host EC2 (instance i-0abc) terminated."), def.getFileName() + ": a lost host is retried");
            assertTrue(new ObjectMapper().readTree(def.toFile()).path("retryStrategy").path("attempts").asInt() >= 2, def + " allows retries");
        }
    }

    @Test
    void theGpuTranscodeRequestsOneGpuAndTheCpuOneNone() throws IOException {
        assertEquals(1, gpus("transcode-gpu.json"));
        assertEquals(0, gpus("transcode-cpu.json"));
    }

    private static int gpus(String name) throws IOException {
        JsonNode reqs = new ObjectMapper().readTree(Path.of("jobdefs", name).toFile()).path("containerProperties").path("resourceRequirements");
        for (JsonNode r : reqs) if (r.path("type").asText().equals("GPU")) return r.path("value").asInt();
        return 0;
    }

    /** Batch's evaluation: the first rule whose every given pattern matches decides; no match means exit. */
    private static String action(JsonNode rules, String exitCode, String statusReason) {
        for (JsonNode rule : rules) {
            boolean matches = matches(rule, "onExitCode", exitCode) && matches(rule, "onStatusReason", statusReason)
                    && matches(rule, "onReason", "");
            if (matches) return rule.path("action").asText().toUpperCase();
        }
        return "EXIT";
    }

    private static boolean matches(JsonNode rule, String field, String value) {
        if (!rule.has(field)) return true;
        String pattern = rule.get(field).asText();
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return value.matches(regex);
    }

    private static List<Path> jobDefinitions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobdefs"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
