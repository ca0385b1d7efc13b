package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU branch on a machine without a GPU: stand-in programs (a {@code nvidia-smi} that lists a
 * card, an {@code ffmpeg} that passes the probe encode and then fails like a driver does) prove
 * the decision, the fallback to the CPU, the manifest record and the exit codes. The real ffmpeg
 * does every CPU encode, and the renditions are read back with the real ffprobe.
 */
class GpuFallbackIT {
    private static final Path REAL_FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final String DRIVER_ERROR = "[h264_nvenc @ 0x55d0c] OpenEncodeSessionEx failed: out of memory (10): (no details)";

    @TempDir Path dir;
    Path root;
    Path source;
    Path profile;

    @BeforeEach
    void makeClip() throws Exception {
        assumeTrue(Files.isExecutable(REAL_FFMPEG) && Files.isExecutable(Path.of("/usr/bin/ffprobe")), "needs ffmpeg and ffprobe in /usr/bin");
        root = dir.resolve("content");
        source = dir.resolve("clip.mp4");
        run(REAL_FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", source.toString());
        profile = Files.writeString(dir.resolve("fast.json"),
                "{\"preset\": \"ultrafast\", \"rungs\": [{\"height\": 180, \"videoKbps\": 300}, {\"height\": 144, \"videoKbps\": 200}]}");
    }

    @Test
    void anNvencFailureDuringTheJobIsRerunOnTheCpuAndBothAttemptsAreRecorded() throws Exception {
        Path bin = standIns(true);
        Result r = cli(env(bin), "--ffmpeg", bin.resolve("ffmpeg").toString(), "run", source.toString(), "--to", dir.resolve("out").toString(),
                "--profile", profile.toString());
        assertEquals(0, r.code, r.err);
        String id = r.out.trim();
        JsonNode transcode = manifest(dir.resolve("out").resolve(id)).path("transcode").path("facts");
        assertEquals("cpu", transcode.path("path").asText());
        assertTrue(transcode.path("encoderReason").asText().contains("OpenEncodeSessionEx"), transcode.path("encoderReason").asText());
        JsonNode attempts = transcode.path("attempts");
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals("gpu", attempts.get(0).path("path").asText());
        assertEquals("failed", attempts.get(0).path("outcome").asText());
        assertEquals(DRIVER_ERROR, attempts.get(0).path("failure").asText());
        assertEquals("h264_nvenc", attempts.get(0).path("encoder").asText());
        assertEquals("cpu", attempts.get(1).path("path").asText());
        assertEquals("succeeded", attempts.get(1).path("outcome").asText());
        JsonNode gpu = transcode.path("gpu");
        assertEquals("Tesla T4", gpu.path("gpuName").asText());
        assertEquals("535.104.05", gpu.path("driverVersion").asText());
        assertEquals(3, gpu.path("checks").size());
        // Independent reading: the delivered renditions are H.264 made by the CPU path.
        for (String rung : List.of("180p.mp4", "144p.mp4")) {
            String codec = run("/usr/bin/ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name",
                    "-of", "csv=p=0", dir.resolve("out").resolve(id).resolve(rung).toString()).trim();
            assertEquals("h264", codec, rung);
        }
    }

    @Test
    void withEncoderGpuAnNvencFailureExits4WithoutFallingBack() throws Exception {
        Path bin = standIns(true);
        String id = ingest(env(bin), bin);
        Result r = cli(env(bin), "--ffmpeg", bin.resolve("ffmpeg").toString(), "transcode", id, "--encoder", "gpu", "--profile", profile.toString());
        assertEquals(4, r.code, r.err);
        assertOneErrorLine(r.err, "OpenEncodeSessionEx failed");
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)), "nothing published");
        try (Stream<Path> work = Files.list(root.resolve(".work"))) {
            assertEquals(List.of(), work.toList(), "staging removed");
        }
    }

    @Test
    void aCardWithoutAnEncoderEndsOnTheCpuBecauseTheProbeEncodeFails() throws Exception {
        // The H200 case: the device is there and ffmpeg lists h264_nvenc, but no encode session opens.
        Path bin = standIns(false);
        String id = ingest(env(bin), REAL_FFMPEG.getParent());
        Result r = cli(env(bin), "transcode", id, "--profile", profile.toString());
        assertEquals(0, r.code, r.err);
        JsonNode facts = manifest(root.resolve("transcode").resolve(id)).path("transcode").path("facts");
        assertEquals("cpu", facts.path("path").asText());
        assertTrue(facts.path("encoderReason").asText().startsWith("h264_nvenc probe encode failed"), facts.path("encoderReason").asText());
        JsonNode checks = facts.path("gpu").path("checks");
        assertTrue(checks.get(0).path("passed").asBoolean(), "device visible");
        assertTrue(checks.get(1).path("passed").asBoolean(), "ffmpeg lists h264_nvenc");
        assertFalse(checks.get(2).path("passed").asBoolean(), "probe encode");
        assertEquals(1, facts.path("attempts").size());
    }

    @Test
    void withoutAnyNvidiaDeviceAutoPicksTheCpuAndGpuExits4() throws Exception {
        Map<String, String> env = env(dir.resolve("empty-bin"));
        String id = ingest(env, REAL_FFMPEG.getParent());
        Result gpu = cli(env, "transcode", id, "--encoder", "gpu", "--profile", profile.toString());
        assertEquals(4, gpu.code, gpu.err);
        assertOneErrorLine(gpu.err, "no NVIDIA device");
        Result auto = cli(env, "transcode", id, "--profile", profile.toString());
        assertEquals(0, auto.code, auto.err);
        JsonNode facts = manifest(root.resolve("transcode").resolve(id)).path("transcode").path("facts");
        assertTrue(facts.path("encoderReason").asText().startsWith("no NVIDIA device"), facts.path("encoderReason").asText());
    }

    @Test
    void nvidiaVisibleDevicesVoidHidesTheCard() throws Exception {
        Path bin = standIns(true);
        Map<String, String> env = env(bin);
        env.put("NVIDIA_VISIBLE_DEVICES", "void");
        String id = ingest(env, bin);
        Result r = cli(env, "--ffmpeg", bin.resolve("ffmpeg").toString(), "transcode", id, "--profile", profile.toString());
        assertEquals(0, r.code, r.err);
        JsonNode facts = manifest(root.resolve("transcode").resolve(id)).path("transcode").path("facts");
        assertEquals("no NVIDIA device: NVIDIA_VISIBLE_DEVICES is 'void'", facts.path("encoderReason").asText());
    }

    private String ingest(Map<String, String> env, Path ffmpegDir) {
        Result r = cli(env, "--ffmpeg", ffmpegDir.resolve("ffmpeg").toString(), "ingest", source.toString());
        assertEquals(0, r.code, r.err);
        return r.out.trim();
    }

    /** A bin folder with a nvidia-smi that lists a Tesla T4 and, if asked, an ffmpeg whose NVENC opens for the probe and then fails. */
    private Path standIns(boolean withFfmpeg) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(withFfmpeg ? "bin-gpu" : "bin-smi"));
        script(bin.resolve("nvidia-smi"), "case \"$*\" in *-L*) echo 'GPU 0: Tesla T4 (UUID: GPU-00000000-1111)';;"
                + " *query-gpu*) echo 'Tesla T4, 535.104.05';; esac");
        if (withFfmpeg) {
            script(bin.resolve("ffmpeg"), "case \"$*\" in *\"-frames:v 5\"*h264_nvenc*) exit 0;;"
                    + " *h264_nvenc*) echo '" + DRIVER_ERROR + "' >&2; exit 1;; esac\nexec " + REAL_FFMPEG + " \"$@\"");
        }
        return bin;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> env(Path bin) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("NVIDIA_VISIBLE_DEVICES");
        env.put("PATH", bin + ":/usr/bin:/bin");
        return env;
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    }

    private static void assertOneErrorLine(String err, String mention) {
        List<String> lines = err.lines().filter(l -> l.startsWith("media-worker:")).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("media-worker: error: ") && lines.get(0).contains(mention), lines.get(0));
    }

    private record Result(int code, String out, String err) {}

    private Result cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--content-root", root.toString()), Stream.of(args)).toArray(String[]::new);
        int code = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), new StageContextFactory(env)).execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        return output;
    }
}
