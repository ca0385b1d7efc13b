package io.mediaworker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.mediaworker.gpu.GpuCheck;
import io.mediaworker.gpu.GpuReport;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.TransientException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EncoderSelectionTest {
    private static final GpuCheck DEVICE = new GpuCheck("NVIDIA device visible", true, "device nodes [nvidia0]");
    private static final GpuCheck LISTED = new GpuCheck("ffmpeg has h264_nvenc", true, "/usr/bin/ffmpeg lists h264_nvenc");
    private static final GpuCheck PROBED = new GpuCheck("probe encode with h264_nvenc", true, "5 frames encoded");

    private static final GpuReport L4 = new GpuReport(List.of(DEVICE, LISTED, PROBED), Optional.of("NVIDIA L4"), Optional.of("550.54.15"));
    private static final GpuReport NO_DEVICE = new GpuReport(
            List.of(new GpuCheck("NVIDIA device visible", false, "no NVIDIA device: NVIDIA_VISIBLE_DEVICES is 'void'")),
            Optional.empty(), Optional.empty());
    /** An H200: a device, an ffmpeg with NVENC, and no encoder on the card. */
    private static final GpuReport H200 = new GpuReport(List.of(DEVICE, LISTED,
            new GpuCheck("probe encode with h264_nvenc", false, "h264_nvenc probe encode failed: Cannot load libnvidia-encode.so.1")),
            Optional.of("NVIDIA H200"), Optional.of("550.54.15"));

    private static final Supplier<GpuReport> MUST_NOT_BE_ASKED = () -> fail("the GPU was probed although the CPU was requested");

    @Test
    void cpuNeverLooksAtTheGpu() {
        assertEquals(EncoderChoice.cpu("CPU requested (--encoder cpu)"), EncoderSelection.decide(EncoderPreference.cpu, MUST_NOT_BE_ASKED));
    }

    @Test
    void autoTakesAUsableGpuAndSaysWhichOne() {
        assertEquals(EncoderChoice.gpu("NVENC usable on NVIDIA L4 (driver 550.54.15)"), EncoderSelection.decide(EncoderPreference.auto, () -> L4));
    }

    @Test
    void gpuRequestedAndUsableSaysItWasRequested() {
        assertEquals(EncoderChoice.gpu("NVENC usable on NVIDIA L4 (driver 550.54.15), GPU requested"),
                EncoderSelection.decide(EncoderPreference.gpu, () -> L4));
    }

    @Test
    void usableWithoutNameOrDriverStillChoosesTheGpu() {
        GpuReport anonymous = new GpuReport(List.of(DEVICE, LISTED, PROBED), Optional.empty(), Optional.empty());
        assertEquals(EncoderChoice.gpu("NVENC usable"), EncoderSelection.decide(EncoderPreference.auto, () -> anonymous));
    }

    @Test
    void autoFallsBackToTheCpuWithTheFirstFailedCheckAsReason() {
        assertEquals(EncoderChoice.cpu("no NVIDIA device: NVIDIA_VISIBLE_DEVICES is 'void'"),
                EncoderSelection.decide(EncoderPreference.auto, () -> NO_DEVICE));
    }

    @Test
    void autoOnACardWithoutAnEncoderFallsBackToTheCpu() {
        assertFalse(H200.usable());
        assertEquals(EncoderChoice.cpu("h264_nvenc probe encode failed: Cannot load libnvidia-encode.so.1"),
                EncoderSelection.decide(EncoderPreference.auto, () -> H200));
    }

    @Test
    void autoWithChecksCutShortIsNotUsable() {
        GpuReport twoOfThree = new GpuReport(List.of(DEVICE, LISTED), Optional.empty(), Optional.empty());
        assertEquals(EncoderChoice.cpu("GPU detection incomplete"), EncoderSelection.decide(EncoderPreference.auto, () -> twoOfThree));
    }

    @Test
    void gpuRequestedButUnusableIsTransientAndNamesTheFailedCheck() {
        TransientException e = assertThrows(TransientException.class, () -> EncoderSelection.decide(EncoderPreference.gpu, () -> H200));
        assertEquals(ExitCode.TRANSIENT, e.exitCode());
        assertEquals(4, e.exitCode().code());
        assertEquals("GPU encoding requested (--encoder gpu) but unavailable: h264_nvenc probe encode failed: "
                + "Cannot load libnvidia-encode.so.1", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        TransientException noDevice = assertThrows(TransientException.class,
                () -> EncoderSelection.decide(EncoderPreference.gpu, () -> NO_DEVICE));
        assertEquals("GPU encoding requested (--encoder gpu) but unavailable: no NVIDIA device: NVIDIA_VISIBLE_DEVICES is 'void'",
                noDevice.getMessage());
    }
}
