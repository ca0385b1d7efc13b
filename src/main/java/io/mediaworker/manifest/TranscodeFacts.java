package io.mediaworker.manifest;

import io.mediaworker.gpu.GpuReport;
import io.mediaworker.plan.AudioTrackPolicy.AudioChoice;
import io.mediaworker.plan.Ladder;
import java.util.List;
import java.util.Optional;

/**
 * What transcode did: the ladder, the encoder path taken and why (with the GPU detection behind
 * the decision when it ran), every attempt (an NVENC failure rerun on the CPU shows as two), the
 * exact command of the run that produced the renditions, and its figures; the audio track carried
 * and why ({@code audioTrack}, empty when the source has none).
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
        List<EncodeAttempt> attempts,
        Optional<AudioChoice> audioTrack) {

    public TranscodeFacts {
        audioTrack = audioTrack == null ? Optional.empty() : audioTrack;
        notes = List.copyOf(notes);
        command = List.copyOf(command);
        gpu = gpu == null ? Optional.empty() : gpu;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** Without a record of the audio track choice (manifests written before it). */
    public TranscodeFacts(String profile, Ladder ladder, String encoder, String encoderReason, List<String> notes,
                          List<String> command, double elapsedSeconds, double realtimeFactor, String path,
                          Optional<GpuReport> gpu, List<EncodeAttempt> attempts) {
        this(profile, ladder, encoder, encoderReason, notes, command, elapsedSeconds, realtimeFactor, path, gpu, attempts, Optional.empty());
    }

    /** A single CPU run, as before GPU support. */
    public TranscodeFacts(String profile, Ladder ladder, String encoder, String encoderReason, List<String> notes,
                          List<String> command, double elapsedSeconds, double realtimeFactor) {
        this(profile, ladder, encoder, encoderReason, notes, command, elapsedSeconds, realtimeFactor, "cpu", Optional.empty(), List.of());
    }
}
