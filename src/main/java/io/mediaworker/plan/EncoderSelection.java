package io.mediaworker.plan;

import io.mediaworker.gpu.GpuCheck;
import io.mediaworker.gpu.GpuReport;
import io.mediaworker.model.TransientException;
import java.util.function.Supplier;

/**
 * Decides between NVENC and the CPU. Pure but lazy: the GPU report (which may run a probe encode)
 * is only asked for when the preference lets the GPU be considered.
 *
 * <ul>
 *   <li>{@code cpu}: CPU, without looking at the GPU.</li>
 *   <li>{@code auto}: GPU when every detection check holds, otherwise CPU with the failed check as reason.</li>
 *   <li>{@code gpu}: GPU, or exit 4 with the failed check, so Batch retries or the operator reroutes.</li>
 * </ul>
 */
public final class EncoderSelection {
    private EncoderSelection() {}

    public static EncoderChoice decide(EncoderPreference preference, Supplier<GpuReport> gpu) {
        if (preference == EncoderPreference.cpu) return EncoderChoice.cpu("CPU requested (--encoder cpu)");
        GpuReport report = gpu.get();
        if (report.usable()) {
            String where = report.gpuName().map(n -> " on " + n).orElse("")
                    + report.driverVersion().map(d -> " (driver " + d + ")").orElse("");
            return EncoderChoice.gpu("NVENC usable" + where + (preference == EncoderPreference.gpu ? ", GPU requested" : ""));
        }
        String failure = report.firstFailure().map(GpuCheck::detail).orElse("GPU detection incomplete");
        if (preference == EncoderPreference.gpu) {
            throw new TransientException("GPU encoding requested (--encoder gpu) but unavailable: " + failure);
        }
        return EncoderChoice.cpu(failure);
    }
}
