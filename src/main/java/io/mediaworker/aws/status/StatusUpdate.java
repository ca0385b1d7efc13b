package io.mediaworker.aws.status;

import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.model.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One change to an asset's status item: a stage, its new state and attempt, when, and what the
 * stage learnt (each fact only when known: the source, the encoder used, the QC verdict, where the
 * outputs went, why it failed, the exit code, the Batch job).
 */
public record StatusUpdate(AssetId assetId, PipelineStage stage, StageState state, int attempt, Instant at,
                           Optional<String> source, Optional<String> encoder, Optional<String> qcVerdict,
                           List<String> outputs, Optional<String> failureReason, Optional<Integer> exitCode,
                           Optional<String> jobId) {

    public StatusUpdate {
        if (attempt < 1) throw new IllegalArgumentException("attempts count from 1: " + attempt);
        outputs = List.copyOf(outputs);
    }

    /** Just the state: every fact left out. */
    public static StatusUpdate of(AssetId assetId, PipelineStage stage, StageState state, int attempt, Instant at) {
        return new StatusUpdate(assetId, stage, state, attempt, at, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StatusUpdate withSource(String s) {
        return new StatusUpdate(assetId, stage, state, attempt, at, Optional.ofNullable(s), encoder, qcVerdict, outputs, failureReason, exitCode, jobId);
    }

    public StatusUpdate withEncoder(String e) {
        return new StatusUpdate(assetId, stage, state, attempt, at, source, Optional.ofNullable(e), qcVerdict, outputs, failureReason, exitCode, jobId);
    }

    public StatusUpdate withQcVerdict(String v) {
        return new StatusUpdate(assetId, stage, state, attempt, at, source, encoder, Optional.ofNullable(v), outputs, failureReason, exitCode, jobId);
    }

    public StatusUpdate withOutputs(List<String> o) {
        return new StatusUpdate(assetId, stage, state, attempt, at, source, encoder, qcVerdict, o, failureReason, exitCode, jobId);
    }

    public StatusUpdate withFailure(String reason, Optional<Integer> code) {
        return new StatusUpdate(assetId, stage, state, attempt, at, source, encoder, qcVerdict, outputs, Optional.ofNullable(reason), code, jobId);
    }

    public StatusUpdate withJobId(String id) {
        return new StatusUpdate(assetId, stage, state, attempt, at, source, encoder, qcVerdict, outputs, failureReason, exitCode, Optional.ofNullable(id));
    }

    /**
     * The position of this update in an asset's life, as one number that only grows: any later
     * stage beats every attempt of an earlier one, a later attempt beats an earlier attempt of the
     * same stage, and within an attempt queued &lt; running &lt; ended. The table accepts an update only
     * when its position is not behind the recorded one.
     */
    public long progress() {
        return (stage.ordinal() + 1) * 1_000_000L + Math.min(attempt, 99_999) * 10L + state.rank();
    }
}
