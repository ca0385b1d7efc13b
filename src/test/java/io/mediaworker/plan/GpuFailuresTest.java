package io.mediaworker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Driver and card failures (rerun on the CPU) against media failures (the same on any path). */
class GpuFailuresTest {

    @Test
    void driverAndCardMessagesAreGpuFailures() {
        for (String line : List.of(
                "[h264_nvenc @ 0x55d] OpenEncodeSessionEx failed: unsupported device (2): (no details)",
                "[h264_nvenc @ 0x55d] No capable devices found",
                "[h264_nvenc @ 0x5] dl_fn->cuda_dl->cuInit(0) failed -> CUDA_ERROR_NO_DEVICE: no CUDA-capable device is detected",
                "Cannot load libcuda.so.1",
                "[AVHWDeviceContext @ 0x1] cu->cuCtxCreate(...) failed -> CUDA_ERROR_OUT_OF_MEMORY: out of memory",
                "[hevc_nvenc @ 0x7] OpenEncodeSessionEx failed: incompatible client key (21): (no details)",
                "[h264_nvenc @ 0x9] OpenEncodeSessionEx failed: out of memory (10): (no details)",
                "[h264_nvenc @ 0x9] Cannot load libnvidia-encode.so.1",
                "[h264_nvenc @ 0x9] Driver does not support the required nvenc API version. Required: 12.1 Found: 12.0",
                "[h264_nvenc @ 0x9] The minimum required Nvidia driver for nvenc is 530.41.03 or newer",
                "[hevc @ 0x3] Failed setup for format cuda: hwaccel initialisation returned error.")) {
            assertEquals(Optional.of(line), GpuFailures.gpuFailure(List.of(line)), line);
        }
    }

    @Test
    void mediaErrorsAreNot() {
        for (String line : List.of(
                "file:/content/ingest/abc/source.mov: Invalid data found when processing input",
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5581] moov atom not found",
                "[h264 @ 0x1] error while decoding MB 12 5, bytestream -7",
                "Error while decoding stream #0:0: Invalid data found when processing input",
                "Conversion failed!")) {
            assertEquals(Optional.empty(), GpuFailures.gpuFailure(List.of(line)), line);
        }
        assertEquals(Optional.empty(), GpuFailures.gpuFailure(List.of()));
    }

    @Test
    void theFirstGpuLineOfTheTailIsTheReasonStripped() {
        List<String> tail = List.of(
                "frame=  120 fps= 58 q=23.0 size=    1024kB time=00:00:04.80",
                "  [h264_nvenc @ 0x55d] OpenEncodeSessionEx failed: out of memory (10): (no details)  ",
                "[h264_nvenc @ 0x55d] No capable devices found",
                "Error while opening encoder for output stream #3:0 - maybe incorrect parameters such as bit_rate, rate, width or height",
                "Conversion failed!");
        assertEquals(Optional.of("[h264_nvenc @ 0x55d] OpenEncodeSessionEx failed: out of memory (10): (no details)"),
                GpuFailures.gpuFailure(tail));
    }
}
