package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.content.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** What Batch itself would do with a captured SubmitJob, for tests that play Batch: the command it runs, the events it emits. */
public final class BatchJobs {
    private BatchJobs() {}

    /** The registered job definition's command (jobdefs/) with Batch's substitution: submitted parameters over the definition's defaults. */
    public static List<String> command(JsonNode job) throws IOException {
        JsonNode definition = null;
        try (Stream<Path> files = Files.list(Path.of("jobdefs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode d = Json.MAPPER.readTree(f.toFile());
                if (d.path("jobDefinitionName").asText().equals(job.path("jobDefinition").asText())) definition = d;
            }
        }
        assertTrue(definition != null, "no job definition " + job.path("jobDefinition").asText());
        Map<String, String> parameters = new HashMap<>();
        definition.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        job.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        List<String> args = new ArrayList<>();
        for (JsonNode arg : definition.path("containerProperties").path("command")) {
            String a = arg.asText();
            args.add(a.startsWith("Ref::") && parameters.containsKey(a.substring(5)) ? parameters.get(a.substring(5)) : a);
        }
        return args;
    }

    /** The "Batch Job State Change" event EventBridge hands the job-state function when the job reaches this status. */
    public static JsonNode stateChange(JsonNode job, String jobId, String status, Optional<Integer> exitCode, String reason,
                                       String account, String region) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", "Batch Job State Change")
                .put("source", "aws.batch").put("account", account).put("time", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"))
                .put("region", region);
        ObjectNode detail = event.putObject("detail");
        detail.put("jobName", job.path("jobName").asText()).put("jobId", jobId).put("jobQueue", job.path("jobQueue").asText())
                .put("status", status).put("jobDefinition", job.path("jobDefinition").asText());
        if (!reason.isEmpty()) detail.put("statusReason", reason);
        detail.set("parameters", job.path("parameters"));
        if (exitCode.isPresent()) {
            detail.put("stoppedAt", Instant.now().toEpochMilli());
            detail.putArray("attempts").addObject().put("statusReason", reason).putObject("container").put("exitCode", exitCode.get());
            detail.putObject("container").put("exitCode", exitCode.get());
        } else {
            detail.putArray("attempts");
            detail.putObject("container");
        }
        return event;
    }
}
