package io.mediaworker.aws.batch;

import io.mediaworker.model.UsageException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the pipeline's jobs are submitted: the CPU queue (ingest, qc, deliver and a CPU
 * transcode), the GPU queue, which one the transcode uses, the prefix of the job definition and
 * job names, and the content root and delivery destination handed to the jobs as parameters.
 */
public record PipelineSettings(String cpuQueue, String gpuQueue, TranscodeTarget transcodeOn, String namePrefix,
        String contentRoot, Optional<String> deliverTo) {

    public static final String DEFAULT_CPU_QUEUE = "media-worker";
    public static final String DEFAULT_GPU_QUEUE = "media-worker-gpu";
    public static final String DEFAULT_PREFIX = "media-worker-";

    public PipelineSettings {
        if (cpuQueue.isBlank() || gpuQueue.isBlank()) throw new UsageException("a job queue name is empty");
        if (!namePrefix.matches("[A-Za-z0-9_-]{0,64}")) throw new UsageException("job definition prefix '" + namePrefix + "': use up to 64 of A-Z a-z 0-9 _ -");
        if (!contentRoot.startsWith("/")) throw new UsageException("content root '" + contentRoot + "' must be an absolute path inside the container");
    }

    /**
     * The settings a Lambda function reads from its environment, by the same names the CLI's
     * options fall back to: MEDIA_JOB_QUEUE, MEDIA_GPU_JOB_QUEUE, MEDIA_TRANSCODE_ON,
     * MEDIA_JOB_DEFINITION_PREFIX, CONTENT_ROOT, DELIVER_TO.
     */
    public static PipelineSettings fromEnvironment(Map<String, String> env) {
        return new PipelineSettings(
                env.getOrDefault("MEDIA_JOB_QUEUE", DEFAULT_CPU_QUEUE),
                env.getOrDefault("MEDIA_GPU_JOB_QUEUE", DEFAULT_GPU_QUEUE),
                transcodeTarget(env.getOrDefault("MEDIA_TRANSCODE_ON", "cpu")),
                env.getOrDefault("MEDIA_JOB_DEFINITION_PREFIX", DEFAULT_PREFIX),
                env.getOrDefault("CONTENT_ROOT", "/content"),
                Optional.ofNullable(env.get("DELIVER_TO")).filter(s -> !s.isBlank()));
    }

    static TranscodeTarget transcodeTarget(String value) {
        try {
            return TranscodeTarget.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("transcode target '" + value + "': use gpu or cpu");
        }
    }
}
