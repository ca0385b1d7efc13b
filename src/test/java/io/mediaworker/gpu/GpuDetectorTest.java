package io.mediaworker.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessRunner;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.plan.FfmpegFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three detection checks with a recording runner standing in for nvidia-smi and ffmpeg: a
 * missing GPU, a driver or a card without an encoder cannot be had on demand on a build machine.
 */
class GpuDetectorTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final FfmpegFeatures WITH_NVENC = new FfmpegFeatures(Set.of("scale_cuda"), Set.of("libx264", "h264_nvenc", "hevc_nvenc"));
    private static final FfmpegFeatures WITHOUT_NVENC = new FfmpegFeatures(Set.of("scale"), Set.of("libx264"));
    private static final List<String> PROBE_ENCODE = List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc2=size=256x144:rate=25", "-frames:v", "5", "-c:v", "h264_nvenc", "-f", "null", "-");

    @TempDir Path temp;
    private Path dev;
    private Path bin;
    private final ScriptedRunner runner = new ScriptedRunner();

    @BeforeEach
    void folders() throws IOException {
        dev = Files.createDirectory(temp.resolve("dev"));
        bin = Files.createDirectory(temp.resolve("bin"));
    }

    /** Records each command; answers nvidia-smi and ffmpeg by program name and arguments. */
    private static final class ScriptedRunner implements ProcessRunner {
        final List<List<String>> commands = new ArrayList<>();
        ProcessResult ffmpegAnswer;

        @Override
        public ProcessResult run(ProcessSpec spec) {
            commands.add(spec.command());
            String program = Path.of(spec.program()).getFileName().toString();
            if (program.equals("nvidia-smi")) {
                if (spec.command().contains("-L")) return exited(spec, 0, "GPU 0: NVIDIA H200 (UUID: GPU-1234)\n");
                if (spec.command().contains("--query-gpu=name,driver_version")) return exited(spec, 0, "NVIDIA H200, 550.54.15\n");
            }
            if (program.equals("ffmpeg") && ffmpegAnswer != null) return ffmpegAnswer;
            throw new AssertionError("unexpected command " + spec.command());
        }

        List<List<String>> commandsOf(String program) {
            return commands.stream().filter(c -> Path.of(c.get(0)).getFileName().toString().equals(program)).toList();
        }
    }

    private static ProcessResult exited(ProcessSpec spec, int code, String stdout, String... stderr) {
        return new ProcessResult(spec.command(), ProcessResult.Ending.EXITED, code, stdout, List.of(stderr), Duration.ofMillis(300));
    }

    private static ProcessResult ffmpegExited(int code, String... stderr) {
        return new ProcessResult(PROBE_ENCODE, ProcessResult.Ending.EXITED, code, "", List.of(stderr), Duration.ofMillis(800));
    }

    private GpuDetector detector(Map<String, String> env) {
        return new GpuDetector(env, dev, runner);
    }

    private void deviceNode(String name) throws IOException {
        Files.createFile(dev.resolve(name));
    }

    private Map<String, String> pathWithNvidiaSmi() throws IOException {
        Path smi = Files.createFile(bin.resolve("nvidia-smi"));
        assertTrue(smi.toFile().setExecutable(true));
        return Map.of("PATH", temp.resolve("nowhere") + java.io.File.pathSeparator + bin);
    }

    @Test
    void visibleDevicesVoidNoneOrEmptyFailsTheFirstCheckAndNothingElseRuns() throws IOException {
        deviceNode("nvidia0"); // the environment wins: the runtime hid the GPU even if a node shows
        runner.ffmpegAnswer = ffmpegExited(0);
        for (String value : List.of("void", "none", "", "NONE")) {
            GpuReport report = detector(Map.of("NVIDIA_VISIBLE_DEVICES", value, "PATH", "")).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
            assertEquals(List.of(new GpuCheck("NVIDIA device visible", false, "no NVIDIA device: NVIDIA_VISIBLE_DEVICES is '" + value + "'")),
                    report.checks(), value);
            assertFalse(report.usable());
        }
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void aDeviceNodeIsEnough() throws IOException {
        deviceNode("nvidia0");
        deviceNode("nvidiactl");
        deviceNode("nvidia-uvm");
        runner.ffmpegAnswer = ffmpegExited(0);
        GpuReport report = detector(Map.of("NVIDIA_VISIBLE_DEVICES", "all")).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertEquals(new GpuCheck("NVIDIA device visible", true, "device nodes [nvidia0]"), report.checks().get(0));
        assertEquals(Optional.empty(), report.gpuName()); // no nvidia-smi to ask
    }

    @Test
    void withoutDeviceNodesNvidiaSmiListingAGpuIsEnoughAndNamesIt() throws IOException {
        runner.ffmpegAnswer = ffmpegExited(0);
        GpuReport report = detector(pathWithNvidiaSmi()).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertEquals(new GpuCheck("NVIDIA device visible", true, "nvidia-smi -L: GPU 0: NVIDIA H200 (UUID: GPU-1234)"), report.checks().get(0));
        assertEquals(Optional.of("NVIDIA H200"), report.gpuName());
        assertEquals(Optional.of("550.54.15"), report.driverVersion());
        String smi = bin.resolve("nvidia-smi").toString();
        assertTrue(runner.commands.contains(List.of(smi, "-L")), runner.commands.toString());
        assertTrue(runner.commands.contains(List.of(smi, "--query-gpu=name,driver_version", "--format=csv,noheader")), runner.commands.toString());
    }

    @Test
    void noDeviceNodesAndNoNvidiaSmiFails() {
        GpuReport report = detector(Map.of("PATH", bin.toString())).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertEquals(List.of(new GpuCheck("NVIDIA device visible", false,
                "no NVIDIA device: no " + dev.resolve("nvidia0") + " and no GPU listed by nvidia-smi")), report.checks());
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void aNonExecutableNvidiaSmiIsNotRun() throws IOException {
        Files.createFile(bin.resolve("nvidia-smi"));
        GpuReport report = detector(Map.of("PATH", bin.toString())).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertFalse(report.checks().get(0).passed());
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void ffmpegWithoutTheEncoderFailsTheSecondCheckWithoutAProbeEncode() throws IOException {
        deviceNode("nvidia0");
        GpuReport report = detector(Map.of()).detect(FFMPEG, WITHOUT_NVENC, "h264_nvenc");
        assertEquals(List.of(new GpuCheck("NVIDIA device visible", true, "device nodes [nvidia0]"),
                new GpuCheck("ffmpeg has h264_nvenc", false, "/usr/bin/ffmpeg was built without h264_nvenc")), report.checks());
        assertFalse(report.usable());
        assertEquals(List.of(), runner.commandsOf("ffmpeg"));
    }

    @Test
    void aFailedProbeEncodeFailsTheThirdCheckWithFfmpegsReason() throws IOException {
        // An H200: the device is there, ffmpeg has NVENC, the card has no encoder. ffmpeg 7's stderr for it.
        runner.ffmpegAnswer = ffmpegExited(187,
                "[h264_nvenc @ 0x5581] Cannot load libnvidia-encode.so.1",
                "[h264_nvenc @ 0x5581] The minimum required Nvidia driver for nvenc is 520.56.06 or newer",
                "[vost#0:0/h264_nvenc @ 0x5580] Error while opening encoder - maybe incorrect parameters such as bit_rate, rate, width or height.",
                "[vf#0:0 @ 0x5582] Error sending frames to consumers: Function not implemented",
                "[vost#0:0/h264_nvenc @ 0x5580] Could not open encoder before EOF",
                "[out#0/null @ 0x5583] Nothing was written into output file, because at least one of its streams received no packets.",
                "Conversion failed!");
        GpuReport report = detector(pathWithNvidiaSmi()).detect(FFMPEG, WITH_NVENC, "h264_nvenc");

        assertEquals(3, report.checks().size());
        assertTrue(report.checks().get(0).passed());
        assertTrue(report.checks().get(1).passed());
        assertEquals(new GpuCheck("probe encode with h264_nvenc", false,
                "h264_nvenc probe encode failed: [h264_nvenc @ 0x5581] Cannot load libnvidia-encode.so.1"), report.checks().get(2));
        assertFalse(report.usable());
        assertEquals(Optional.of(report.checks().get(2)), report.firstFailure());
        assertEquals(List.of(PROBE_ENCODE), runner.commandsOf("ffmpeg"));
    }

    @Test
    void aProbeEncodeFailingForAnotherReasonReportsFfmpegsLastError() throws IOException {
        deviceNode("nvidia0");
        runner.ffmpegAnswer = ffmpegExited(1, "[lavfi @ 0x1] No such filter: 'testsrc2'", "Conversion failed!");
        GpuReport report = detector(Map.of()).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertEquals(new GpuCheck("probe encode with h264_nvenc", false,
                "h264_nvenc probe encode failed: [lavfi @ 0x1] No such filter: 'testsrc2'"), report.checks().get(2));
    }

    @Test
    void allThreeChecksHoldingMakesNvencUsable() throws IOException {
        runner.ffmpegAnswer = ffmpegExited(0);
        GpuReport report = detector(pathWithNvidiaSmi()).detect(FFMPEG, WITH_NVENC, "h264_nvenc");
        assertEquals(List.of(
                new GpuCheck("NVIDIA device visible", true, "nvidia-smi -L: GPU 0: NVIDIA H200 (UUID: GPU-1234)"),
                new GpuCheck("ffmpeg has h264_nvenc", true, "/usr/bin/ffmpeg lists h264_nvenc"),
                new GpuCheck("probe encode with h264_nvenc", true, "5 frames encoded")), report.checks());
        assertTrue(report.usable());
        assertEquals(Optional.empty(), report.firstFailure());
        List<List<String>> probes = runner.commandsOf("ffmpeg");
        assertEquals(List.of(PROBE_ENCODE), probes);
        List<String> probe = probes.get(0);
        assertEquals("h264_nvenc", probe.get(probe.indexOf("-c:v") + 1));
        assertEquals("5", probe.get(probe.indexOf("-frames:v") + 1));
    }

    @Test
    void theProbeUsesTheEncoderTheLadderNeeds() throws IOException {
        deviceNode("nvidia0");
        runner.ffmpegAnswer = ffmpegExited(0);
        GpuReport report = detector(Map.of()).detect(FFMPEG, WITH_NVENC, "hevc_nvenc");
        assertTrue(report.usable());
        List<String> probe = runner.commandsOf("ffmpeg").get(0);
        assertEquals("hevc_nvenc", probe.get(probe.indexOf("-c:v") + 1));
    }
}
