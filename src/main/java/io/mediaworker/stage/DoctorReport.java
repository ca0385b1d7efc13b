package io.mediaworker.stage;

import io.mediaworker.gpu.GpuReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code doctor} found: the ffmpeg, what it offers, the GPU checks, and a trial run per encoder path. */
public record DoctorReport(
        String worker,
        String ffmpegPath,
        String ffmpegOrigin,
        String ffmpegVersion,
        List<String> ffmpegConfiguration,
        Optional<String> ffprobePath,
        String prober,
        Map<String, Boolean> encoders,
        Map<String, Boolean> filters,
        List<String> hardwareAccelerations,
        GpuReport gpu,
        List<Trial> trials) {

    /** A 2-second clip through ingest, transcode on one path, and QC. */
    public record Trial(String path, boolean passed, String detail, double seconds) {}

    /** Healthy when at least one path transcodes and passes QC. */
    public boolean healthy() {
        return trials.stream().anyMatch(Trial::passed);
    }
}
