package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a source and the settings into the four SubmitJob requests of its pipeline. Pure: no
 * clock, environment or network, so {@code submit --dry-run} prints exactly what would be sent.
 */
public final class PipelinePlanner {
    /** Batch's job name limit; names are letters, digits, hyphens and underscores. */
    static final int MAX_JOB_NAME = 128;

    private PipelinePlanner() {}

    public static PipelinePlan plan(PipelineSource source, AssetId assetId, PipelineSettings settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(JobParameters.ASSET_ID, assetId.value());
        parameters.put(JobParameters.SOURCE, source.location());
        parameters.put(JobParameters.CONTENT_ROOT, settings.contentRoot());

        List<StageJob> jobs = new ArrayList<>();
        Optional<PipelineStage> previous = Optional.empty();
        for (PipelineStage stage : PipelineStage.values()) {
            Map<String, String> jobParameters = new LinkedHashMap<>(parameters);
            if (stage == PipelineStage.DELIVER) settings.deliverTo().ifPresent(to -> jobParameters.put(JobParameters.DELIVER_TO, to));
            jobs.add(new StageJob(stage, jobName(settings.namePrefix(), stage, assetId), queue(stage, settings),
                    settings.namePrefix() + definition(stage, settings), jobParameters, previous));
            previous = Optional.of(stage);
        }
        return new PipelinePlan(assetId, source, jobs);
    }

    /** The job definition's name without the prefix: the files in jobdefs/ (transcode has two). */
    static String definition(PipelineStage stage, PipelineSettings settings) {
        if (stage != PipelineStage.TRANSCODE) return stage.id();
        return settings.transcodeOn() == TranscodeTarget.GPU ? "transcode-gpu" : "transcode-cpu";
    }

    private static String queue(PipelineStage stage, PipelineSettings settings) {
        return stage == PipelineStage.TRANSCODE && settings.transcodeOn() == TranscodeTarget.GPU ? settings.gpuQueue() : settings.cpuQueue();
    }

    /** Asset ids may hold dots, which job names may not; the asset id itself travels as a parameter. */
    static String jobName(String prefix, PipelineStage stage, AssetId assetId) {
        String name = prefix + stage.id() + "-" + assetId.value().replace('.', '_');
        return name.length() <= MAX_JOB_NAME ? name : name.substring(0, MAX_JOB_NAME);
    }
}
