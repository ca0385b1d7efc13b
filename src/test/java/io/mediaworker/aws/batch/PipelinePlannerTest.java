package io.mediaworker.aws.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.AssetId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelinePlannerTest {
    private static final PipelineSource SOURCE = PipelineSource.s3("media-in", "shows/ep 01.mov", Optional.of("3HL4kqtJlcpXroDTDmJ"));

    private static PipelineSettings settings(TranscodeTarget target) {
        return new PipelineSettings("cpu-q", "gpu-q", target, "mw-", "/content", Optional.empty());
    }

    @Test
    void fourJobsEachDependingOnTheOneBefore() {
        PipelinePlan plan = PipelinePlanner.plan(SOURCE, AssetId.of("a1"), settings(TranscodeTarget.CPU));
        assertEquals(List.of(PipelineStage.INGEST, PipelineStage.TRANSCODE, PipelineStage.QC, PipelineStage.DELIVER),
                plan.jobs().stream().map(StageJob::stage).toList());
        assertEquals(Optional.empty(), plan.jobs().get(0).dependsOn());
        for (int i = 1; i < 4; i++) assertEquals(Optional.of(plan.jobs().get(i - 1).stage()), plan.jobs().get(i).dependsOn());
        assertEquals(List.of("mw-ingest", "mw-transcode-cpu", "mw-qc", "mw-deliver"), plan.jobs().stream().map(StageJob::jobDefinition).toList());
        assertEquals(List.of("cpu-q", "cpu-q", "cpu-q", "cpu-q"), plan.jobs().stream().map(StageJob::jobQueue).toList());
        assertEquals(List.of("mw-ingest-a1", "mw-transcode-a1", "mw-qc-a1", "mw-deliver-a1"), plan.jobs().stream().map(StageJob::jobName).toList());
    }

    @Test
    void onlyTheTranscodeGoesToTheGpuQueueWithTheGpuDefinition() {
        PipelinePlan plan = PipelinePlanner.plan(SOURCE, AssetId.of("a1"), settings(TranscodeTarget.GPU));
        assertEquals(List.of("cpu-q", "gpu-q", "cpu-q", "cpu-q"), plan.jobs().stream().map(StageJob::jobQueue).toList());
        assertEquals("mw-transcode-gpu", plan.jobs().get(1).jobDefinition());
    }

    @Test
    void everyJobCarriesTheAssetTheSourceAndTheContentRoot() {
        PipelineSettings withDelivery = new PipelineSettings("q", "g", TranscodeTarget.CPU, "mw-", "/content/tenant-a", Optional.of("s3://out/ready"));
        PipelinePlan plan = PipelinePlanner.plan(SOURCE, AssetId.of("a1"), withDelivery);
        Map<String, String> common = Map.of("assetId", "a1", "source", "s3://media-in/shows/ep 01.mov", "contentRoot", "/content/tenant-a");
        for (StageJob job : plan.jobs().subList(0, 3)) assertEquals(common, job.parameters(), job.stage().id());
        assertEquals("s3://out/ready", plan.jobs().get(3).parameters().get("deliverTo"));
        assertTrue(plan.jobs().get(3).parameters().entrySet().containsAll(common.entrySet()));
    }

    @Test
    void jobNamesKeepToBatchsAlphabetAndLength() {
        AssetId dotted = AssetId.of("clip.v2_final-" + "x".repeat(114));
        for (StageJob job : PipelinePlanner.plan(SOURCE, dotted, settings(TranscodeTarget.CPU)).jobs()) {
            assertTrue(job.jobName().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}"), job.jobName());
        }
    }

    @Test
    void theDerivedAssetIdNamesTheUploadNotTheKeyAlone() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("s3://media-in/shows/ep 01.mov\u00003HL4kqtJlcpXroDTDmJ".getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        assertEquals(AssetId.of(expected), SOURCE.derivedAssetId());
        assertEquals(SOURCE.derivedAssetId(), PipelineSource.s3("media-in", "shows/ep 01.mov", Optional.of("3HL4kqtJlcpXroDTDmJ")).derivedAssetId());
        assertNotEquals(SOURCE.derivedAssetId(), PipelineSource.s3("media-in", "shows/ep 01.mov", Optional.of("other-version")).derivedAssetId());
        assertNotEquals(SOURCE.derivedAssetId(), PipelineSource.s3("media-in", "shows/ep 02.mov", Optional.of("3HL4kqtJlcpXroDTDmJ")).derivedAssetId());
    }
}
