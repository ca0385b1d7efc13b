package io.mediaworker.gpu;

import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessRunner;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.plan.FfmpegFeatures;
import io.mediaworker.plan.GpuFailures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds out, inside the container, whether NVENC can really be used. Three checks, each cheaper
 * than the next: (1) an NVIDIA device is visible ({@code NVIDIA_VISIBLE_DEVICES} not empty,
 * {@code void} or {@code none}, and {@code /dev/nvidia<N>} present or {@code nvidia-smi -L} listing
 * one); (2) the ffmpeg in use lists the NVENC encoder; (3) a probe encode of a few frames with it
 * succeeds. Data-centre GPUs without an encoder (A100, H100, H200) pass the first two and fail the
 * third, which is why the third exists.
 */
public final class GpuDetector {
    static final int CHECK_COUNT = 3;
    private static final Duration SMI_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> env;
    private final Path devDir;
    private final ProcessRunner runner;

    public GpuDetector(Map<String, String> env, Path devDir, ProcessRunner runner) {
        this.env = env;
        this.devDir = devDir;
        this.runner = runner;
    }

    /** @param encoder the NVENC encoder the ladder needs, e.g. {@code h264_nvenc} */
    public GpuReport detect(Path ffmpeg, FfmpegFeatures features, String encoder) {
        return detect(ffmpeg, features, List.of(encoder));
    }

    /** @param encoders every NVENC encoder the ladder needs (a ladder may mix H.264 and HEVC rungs) */
    public GpuReport detect(Path ffmpeg, FfmpegFeatures features, List<String> encoders) {
        List<GpuCheck> checks = new ArrayList<>();
        GpuCheck device = deviceCheck();
        checks.add(device);
        if (!device.passed()) return new GpuReport(checks, Optional.empty(), Optional.empty());

        // Name and driver only once a device is known to be there: nvidia-smi can be slow to give up.
        Optional<String> smi = nvidiaSmi("--query-gpu=name,driver_version", "--format=csv,noheader");
        Optional<String> name = smi.map(s -> s.lines().findFirst().orElse("").split(",")[0].trim()).filter(s -> !s.isEmpty());
        Optional<String> driver = smi.map(s -> s.lines().findFirst().orElse(""))
                .filter(l -> l.contains(",")).map(l -> l.substring(l.indexOf(',') + 1).trim());
        List<String> missing = encoders.stream().filter(e -> !features.encoders().contains(e)).toList();
        String listed = String.join(" and ", encoders);
        checks.add(new GpuCheck("ffmpeg has " + listed, missing.isEmpty(),
                missing.isEmpty() ? ffmpeg + " lists " + listed : ffmpeg + " was built without " + String.join(" and ", missing)));
        if (missing.isEmpty()) {
            GpuCheck probe = null;
            for (String e : encoders) {
                probe = probeEncode(ffmpeg, e);
                if (!probe.passed()) break;
            }
            checks.add(probe);
        }
        return new GpuReport(checks, name, driver);
    }

    private GpuCheck deviceCheck() {
        String visible = env.get("NVIDIA_VISIBLE_DEVICES");
        if (visible != null) {
            String v = visible.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty() || v.equals("void") || v.equals("none")) {
                return new GpuCheck("NVIDIA device visible", false, "no NVIDIA device: NVIDIA_VISIBLE_DEVICES is '" + visible + "'");
            }
        }
        List<String> nodes = deviceNodes();
        if (!nodes.isEmpty()) return new GpuCheck("NVIDIA device visible", true, "device nodes " + nodes);
        Optional<String> listed = nvidiaSmi("-L").filter(s -> s.contains("GPU"));
        if (listed.isPresent()) return new GpuCheck("NVIDIA device visible", true, "nvidia-smi -L: " + listed.get().lines().findFirst().orElse(""));
        return new GpuCheck("NVIDIA device visible", false, "no NVIDIA device: no " + devDir.resolve("nvidia0") + " and no GPU listed by nvidia-smi");
    }

    private List<String> deviceNodes() {
        try (Stream<Path> dev = Files.list(devDir)) {
            return dev.map(p -> p.getFileName().toString()).filter(n -> n.matches("nvidia\\d+")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Encodes a few frames with NVENC and nothing else: opening an encode session is the real test. */
    private GpuCheck probeEncode(Path ffmpeg, String encoder) {
        List<String> cmd = List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=256x144:rate=25", "-frames:v", "5",
                "-c:v", encoder, "-f", "null", "-");
        ProcessResult r = runner.run(ProcessSpec.capture(cmd, PROBE_TIMEOUT));
        if (r.succeeded()) return new GpuCheck("probe encode with " + encoder, true, "5 frames encoded");
        // ffmpeg's last line is a generic "error while opening encoder"; the driver's own words come earlier.
        String why = GpuFailures.gpuFailure(r.stderrTail()).orElse(r.lastError());
        return new GpuCheck("probe encode with " + encoder, false, encoder + " probe encode failed: " + why);
    }

    private Optional<String> nvidiaSmi(String... args) {
        Optional<Path> smi = onPath("nvidia-smi");
        if (smi.isEmpty()) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(smi.get().toString());
        cmd.addAll(List.of(args));
        ProcessResult r = runner.run(ProcessSpec.capture(cmd, SMI_TIMEOUT));
        return r.succeeded() ? Optional.of(r.stdout().trim()).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    private Optional<Path> onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
