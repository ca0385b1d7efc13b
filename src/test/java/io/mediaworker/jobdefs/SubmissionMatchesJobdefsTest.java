package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.aws.batch.PipelinePlanner;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.aws.batch.PipelineSource;
import io.mediaworker.aws.batch.StageJob;
import io.mediaworker.aws.batch.TranscodeTarget;
import io.mediaworker.model.AssetId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code submit} and the source handler send names the job definitions in jobdefs/ and fills every Ref:: they use. */
class SubmissionMatchesJobdefsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, JsonNode> definitionsByName() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        for (Path def : JobDefinitionsTest.jobDefinitions()) {
            JsonNode root = JSON.readTree(def.toFile());
            byName.put(root.path("jobDefinitionName").asText(), root);
        }
        return byName;
    }

    @Test
    void everySubmittedJobNamesARegisteredDefinitionForItsStageAndFillsItsReferences() throws IOException {
        Map<String, JsonNode> definitions = definitionsByName();
        for (TranscodeTarget target : TranscodeTarget.values()) {
            PipelineSettings settings = new PipelineSettings("q", "g", target, PipelineSettings.DEFAULT_PREFIX, "/content", Optional.empty());
            for (StageJob job : PipelinePlanner.plan(PipelineSource.s3("in", "a.mov", Optional.of("v1")), AssetId.of("a1"), settings).jobs()) {
                JsonNode def = definitions.get(job.jobDefinition());
                assertTrue(def != null, job.jobDefinition() + " is not in jobdefs/");
                JsonNode command = def.path("containerProperties").path("command");
                assertEquals(job.stage().id(), command.get(0).asText(), job.jobDefinition());
                for (JsonNode arg : command) {
                    String a = arg.asText();
                    if (!a.startsWith("Ref::")) continue;
                    String name = a.substring("Ref::".length());
                    assertTrue(job.parameters().containsKey(name) || def.path("parameters").has(name),
                            job.jobDefinition() + ": " + a + " neither submitted nor defaulted");
                }
            }
        }
    }

    @Test
    void theGpuTranscodeMayUseNvencAndTheCpuOneNeverLooks() throws IOException {
        Map<String, JsonNode> definitions = definitionsByName();
        assertEquals("auto", environment(definitions.get("media-worker-transcode-gpu")).get("MEDIA_ENCODER"));
        assertEquals("cpu", environment(definitions.get("media-worker-transcode-cpu")).get("MEDIA_ENCODER"));
    }

    private static Map<String, String> environment(JsonNode def) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode e : def.path("containerProperties").path("environment")) env.put(e.path("name").asText(), e.path("value").asText());
        return env;
    }
}
