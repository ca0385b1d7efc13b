package io.mediaworker.manifest;

import io.mediaworker.gpu.GpuReport;
import io.mediaworker.plan.Ladder;
import java.util.List;
import java.util.Optional;

/**
 * What transcode did: the ladder, the encoder path taken and why (with the GPU detection behind
 * the decision when it ran), every attempt (an NVENC failure rerun on the CPU shows as two), the
 * exact command of the run that produced the renditions, and its figures.
 */
public record TranscodeFacts(
        String profile,
        Ladder ladder,
        String encoder,
        String encoderReason,
        List<String> notes,
        List<String> command,
        double elapsedSeconds,
        double realtimeFactor,
        String path,
        Optional<GpuReport> gpu,
        List<EncodeAttempt> attempts) {

    public TranscodeFacts {
        notes = List.copyOf(notes);
        command = List.copyOf(command);
        gpu = gpu == null ? Optional.empty() : gpu;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A single CPU run, as before GPU support. */
    public TranscodeFacts(String profile, Ladder ladder, String encoder, String encoderReason, List<String> notes,
                          List<String> command, double elapsedSeconds, double realtimeFactor) {
        this(profile, ladder, encoder, encoderReason, notes, command, elapsedSeconds, realtimeFactor, "cpu", Optional.empty(), List.of());
    }
}
