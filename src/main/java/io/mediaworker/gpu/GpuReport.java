package io.mediaworker.gpu;

import java.util.List;
import java.util.Optional;

/**
 * What GPU detection found, check by check, in order: a visible NVIDIA device, an ffmpeg with the
 * NVENC encoders, and a probe encode that really ran. Later checks are skipped once one fails.
 */
public record GpuReport(List<GpuCheck> checks, Optional<String> gpuName, Optional<String> driverVersion) {

    public GpuReport {
        checks = List.copyOf(checks);
    }

    /** NVENC can be used: every check ran and held. */
    public boolean usable() {
        return checks.size() == GpuDetector.CHECK_COUNT && checks.stream().allMatch(GpuCheck::passed);
    }

    /** The first failed check's detail, the reason the GPU path is not taken. */
    public Optional<GpuCheck> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
