package io.mediaworker.aws.batch;

import java.util.Locale;
import java.util.Optional;

/** The four Batch jobs of one asset's pipeline, in the order they depend on each other. */
public enum PipelineStage {
    INGEST, TRANSCODE, QC, DELIVER;

    /** The name used in job definitions, job names and the status table: {@code ingest}, {@code qc}… */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** Reads a job name this package made ({@code media-worker-qc-<assetId>}) back into its stage. */
    public static Optional<PipelineStage> ofJobName(String jobName, String prefix) {
        for (PipelineStage stage : values()) {
            if (jobName.startsWith(prefix + stage.id() + "-")) return Optional.of(stage);
        }
        return Optional.empty();
    }

    public boolean isLast() { return this == DELIVER; }
}
