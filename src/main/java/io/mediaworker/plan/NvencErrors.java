package io.mediaworker.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises an NVENC run that failed because of the encoder, the driver or the card, not the
 * media: these are rerun on the CPU in the same job (with {@code --encoder auto}).
 */
public final class NvencErrors {
    private static final List<String> SIGNS = List.of(
            "openencodesessionex failed", "no capable devices found", "unsupported device",
            "no nvenc capable devices", "cannot load libnvidia-encode", "cannot load libcuda",
            "the minimum required nvidia driver", "driver does not support the required nvenc api version",
            "out of memory", "cuda_error_out_of_memory", "incompatible client key",
            "initializeencoder failed", "nvenc_errs", "cuinit", "cuda_error", "error creating a nvenc encoder",
            "error while opening encoder for output stream");

    private NvencErrors() {}

    /** The stderr line that shows an encoder-side failure, if there is one. */
    public static Optional<String> encoderFailure(List<String> stderrTail) {
        for (String line : stderrTail) {
            String l = line.toLowerCase(Locale.ROOT);
            if (SIGNS.stream().anyMatch(l::contains)) return Optional.of(line.strip());
        }
        return Optional.empty();
    }
}
