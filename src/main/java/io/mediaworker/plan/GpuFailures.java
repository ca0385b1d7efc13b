package io.mediaworker.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a GPU run that failed because of the encoder, the decoder, the driver or the card,
 * not the media. With {@code --encoder auto} such a run is redone on the CPU in the same job.
 */
public final class GpuFailures {
    private static final List<String> SIGNS = List.of(
            // NVENC
            "openencodesessionex failed", "no capable devices found", "unsupported device", "no nvenc capable devices",
            "cannot load libnvidia-encode", "driver does not support the required nvenc api version",
            "the minimum required nvidia driver", "incompatible client key", "initializeencoder failed",
            "error creating a nvenc encoder", "encoder session limit", "too many concurrent",
            "unknown encoder 'h264_nvenc'", "unknown encoder 'hevc_nvenc'",
            // CUDA and NVDEC
            "cannot load libcuda", "cuinit", "cuda_error", "out of memory", "failed setup for format cuda",
            "hwaccel initialisation returned error", "no device available for decoder", "device creation failed",
            "cuvid");

    private GpuFailures() {}

    /** The stderr line that shows a GPU-side failure, if there is one. */
    public static Optional<String> gpuFailure(List<String> stderrTail) {
        for (String line : stderrTail) {
            String l = line.toLowerCase(Locale.ROOT);
            if (SIGNS.stream().anyMatch(l::contains)) return Optional.of(line.strip());
        }
        return Optional.empty();
    }
}
