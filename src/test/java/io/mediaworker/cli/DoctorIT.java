package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor} on this machine (no GPU): the CPU trial really encodes and passes QC, the GPU
 * path is reported unusable with the first failed check, and the exit code says healthy.
 */
class DoctorIT {

    /** Its trial encode and QC are not production work: no embedded-metric lines for CloudWatch to count. */
    @Test
    void theTrialRunsEmitNoMetrics() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg");
        CliResult r = io.mediaworker.testing.JarLauncher.run(java.util.List.of("--log-format", "json", "doctor"));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("QC passed"), r.describe()); // the trial ran and logged
        assertFalse(r.stderr().contains("\"_aws\""), r.describe());
    }

    @Test
    void reportsTheCpuPathWorkingAndTheGpuPathWithItsReason() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "needs ffmpeg");
        CliResult text = InProcessCli.run("doctor");
        assertEquals(0, text.exitCode(), text.describe());
        assertTrue(text.stdout().contains("trial cpu  PASSED"), text.stdout());
        assertTrue(text.stdout().contains("healthy: at least one encoder path works"), text.stdout());

        CliResult json = InProcessCli.run("doctor", "--json");
        assertEquals(0, json.exitCode(), json.describe());
        JsonNode report = new ObjectMapper().readTree(json.stdout());
        assertEquals("/usr/bin/ffmpeg", report.path("ffmpegPath").asText());
        assertTrue(report.path("encoders").path("libx264").asBoolean());
        JsonNode trials = report.path("trials");
        assertEquals("cpu", trials.get(0).path("path").asText());
        assertTrue(trials.get(0).path("passed").asBoolean(), trials.toString());
        JsonNode gpu = report.path("gpu");
        // Whatever this machine has, an unusable GPU path names the check that failed and is not trialled.
        boolean usable = gpu.path("checks").size() == 3;
        for (JsonNode c : gpu.path("checks")) usable &= c.path("passed").asBoolean();
        if (!usable) {
            assertEquals(1, trials.size(), "no GPU trial without a usable GPU");
            assertFalse(gpu.path("checks").get(gpu.path("checks").size() - 1).path("detail").asText().isEmpty());
        }
    }
}
