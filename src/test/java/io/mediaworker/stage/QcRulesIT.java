package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.ExternalProgram;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.TopLevelBoxes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qc} with real ffmpeg against one defect at a time. A clean 10 s source (testsrc2 + sine,
 * 640x360 25 fps) is ingested and transcoded once with {@link PipelineIT#FAST_PROFILE} (rungs 360p
 * and 240p, keyframes every 2 s); each test copies that content root, replaces the 360p rendition
 * with one ffmpeg made from it (same size, rate, codec, bitrate, GOP and faststart as the
 * transcode's own command, so only the one defect differs), runs {@code qc}, and expects exit 5 with
 * exactly the matching rule or check failing, and run-type findings at the right time (±0.2 s).
 * Sources that only look defective (black at the start and in the middle, silent at the end, in
 * the source itself) must pass.
 */
class QcRulesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A finding's start and end may differ from the planted defect's by this much (one or two frames of detector edge). */
    private static final double RANGE_TOLERANCE_S = 0.2;
    /** What the transcode gives the 360p rung (see the plan of the fast profile), minus the keyframe options. */
    private static final List<String> RUNG_360 = List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
            "-b:v", "500k", "-maxrate", "750k", "-bufsize", "1000k", "-sc_threshold", "0", "-flags", "+cgop",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000");
    private static final List<String> PLANNED_GOP = List.of("-g", "50", "-keyint_min", "50", "-force_key_frames", "expr:gte(t,n_forced*2)");

    @TempDir static Path shared;
    static Path profile;
    static Path template;
    static String id;

    @TempDir Path work;

    @BeforeAll
    static void transcodeACleanSource() throws IOException {
        GeneratedMedia.assumeFfmpeg();
        profile = Files.writeString(shared.resolve("fast.json"), PipelineIT.FAST_PROFILE, StandardCharsets.UTF_8);
        Path source = lavfi(shared.resolve("clean.mp4"), "testsrc2=size=640x360:rate=25:duration=10", "sine=frequency=440:sample_rate=48000:duration=10");
        template = shared.resolve("content");
        id = ingestAndTranscode(source, template);
    }

    // --- must fail, one rule each ---------------------------------------------------------------

    @Test
    void blackSegmentInTheMiddle() {
        Path root = tamper("-vf", "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,3,6)'");
        JsonNode qc = expectFailure(root, Set.of("360p: black"));
        assertRange(qc, "black", 3.0, 6.0);
    }

    @Test
    void frozenSegment() {
        // Frames 75..149 (3.0 s to 5.96 s) all show frame 75; a planned keyframe at 4 s sits inside.
        Path root = tamper("-vf", "split[a][b];[a][b]freezeframes=first=75:last=149:replace=75");
        JsonNode qc = expectFailure(root, Set.of("360p: freeze"));
        assertRange(qc, "freeze", 3.0, 6.0);
    }

    @Test
    void silentGap() {
        Path root = tamper("-af", "volume=enable='between(t,3,7)':volume=0");
        JsonNode qc = expectFailure(root, Set.of("360p: silence"));
        assertRange(qc, "silence", 3.0, 7.0);
    }

    @Test
    void audioAtMinus40Lufs() {
        // The source measures -21.8 LUFS (a 440 Hz sine at 1/8 of full scale, made stereo): 18.2 dB down is -40.
        Path root = tamper("-af", "volume=-18.2dB");
        JsonNode qc = expectFailure(root, Set.of("360p: loudness"));
        JsonNode finding = finding(qc, "loudness");
        assertEquals(-40.0, finding.path("measured").asDouble(), 0.5, finding.toString());
        assertEquals(-38.0, finding.path("limit").asDouble(), 1e-9, finding.toString());
    }

    @Test
    void corruptedPackets() {
        Path root = copyTemplate();
        Path rendition = root.resolve("transcode").resolve(id).resolve("360p.mp4");
        Path noisy = rendition.resolveSibling("noisy.mp4");
        // ffmpeg's noise bitstream filter overwrites about one byte in 5000 inside the video packets
        // while the container stays intact, index first. CABAC hides some hits from the decoder, so
        // enough are made that some always show; the damage may also cost quality, which is allowed
        // here: the rule under test is that the decoder's errors fail the rendition.
        ffmpeg(List.of("-i", rendition.toString(), "-map", "0", "-c", "copy", "-bsf:v", "noise=amount=5000",
                "-movflags", "+faststart", noisy.toString()));
        move(noisy, rendition);
        JsonNode qc = runQc(root, 5);
        assertTrue(failing(qc).contains("360p: decodes completely"), qc.toString());
        assertTrue(failing(qc).stream().allMatch(f -> f.startsWith("360p:")), "only the damaged rung fails: " + failing(qc));
        assertTrue(failedCheck(qc, "decodes completely").path("actual").asText().contains("Error while decoding stream #0:"), qc.toString());
    }

    @Test
    void moovAfterMdat() {
        Path root = copyTemplate();
        Path rendition = root.resolve("transcode").resolve(id).resolve("360p.mp4");
        Path remuxed = rendition.resolveSibling("remuxed.mp4");
        ffmpeg(List.of("-i", rendition.toString(), "-map", "0", "-c", "copy", remuxed.toString()));
        move(remuxed, rendition);
        assertTrue(TopLevelBoxes.index(TopLevelBoxes.read(rendition), "mdat") < TopLevelBoxes.index(TopLevelBoxes.read(rendition), "moov"));
        expectFailure(root, Set.of("360p: faststart (moov before mdat)"));
    }

    @Test
    void keyframesDriftFromTheOtherRung() {
        Path root = tamper(List.of(), List.of("-g", "75", "-keyint_min", "75", "-force_key_frames", "expr:gte(t,n_forced*2.5)"));
        JsonNode qc = expectFailure(root, Set.of("360p: keyframe interval", "*: keyframes aligned across rungs"));
        // The rung on the planned grid is the reference, so the one that drifted is named.
        assertTrue(failedCheck(qc, "keyframes aligned across rungs").path("actual").asText().contains("360p"), qc.toString());
    }

    @Test
    void encodedFarTooCoarsely() {
        Path root = tamper(List.of(), concat(PLANNED_GOP, List.of("-b:v", "30k", "-maxrate", "30k", "-bufsize", "60k")));
        JsonNode qc = runQc(root, 5);
        Set<String> failing = failing(qc);
        assertFalse(failing.isEmpty(), qc.toString());
        assertTrue(Set.of("360p: ssim", "360p: psnr").containsAll(failing), "only quality may fail: " + failing);
    }

    // --- must pass ---------------------------------------------------------------------------------

    @Test
    void cleanSourcePasses() {
        JsonNode qc = runQc(copyTemplate(), 0);
        assertEquals(Set.of(), failing(qc));
        assertOnlyKnownWarnings(qc);
    }

    @Test
    void whatTheSourceAlreadyHadIsNotBlamedOnTheRenditions() {
        // Black for its first 2 s and from 4.5 s to 6 s, silent for its last 2 s: the renditions inherit all of it.
        Path source = lavfi(work.resolve("source-defects.mp4"),
                "testsrc2=size=640x360:rate=25:duration=10,drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='lt(t,2)+between(t,4.5,6)'",
                "sine=frequency=440:sample_rate=48000:duration=10,volume=enable='gte(t,8)':volume=0");
        Path root = work.resolve("content");
        String asset = ingestAndTranscode(source, root);
        CliResult r = InProcessCli.run("qc", asset, "--content-root", root.toString());
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode qc = read(root.resolve("output").resolve(asset).resolve("qc.json"));
        assertEquals(Set.of(), failing(qc));
        assertOnlyKnownWarnings(qc);
        for (JsonNode m : qc.path("metrics")) assertTrue(m.path("blackSeconds").asDouble() > 3.0, "the black was measured: " + m);
        assertReadOnceAndSelfContained(root.resolve("output").resolve(asset), qc);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /**
     * A clean input has no findings at all. (testsrc2 at 640x360 looks interlaced to idet, 0.86 of
     * the frames, though it is progressive; the source scores the same, so the rendition is not blamed.)
     */
    private static void assertOnlyKnownWarnings(JsonNode qc) {
        assertEquals(0, qc.path("findings").size(), "no finding on a clean input: " + qc.path("findings"));
    }

    private Path tamper(String option, String filter) {
        return tamper(List.of(option, filter), PLANNED_GOP);
    }

    /** Re-encodes 360p.mp4 from itself with the transcode's settings, {@code filters} and {@code gop}, keeping name and faststart. */
    private Path tamper(List<String> filters, List<String> gop) {
        Path root = copyTemplate();
        Path rendition = root.resolve("transcode").resolve(id).resolve("360p.mp4");
        Path made = rendition.resolveSibling("tampered.mp4");
        List<String> args = new ArrayList<>(List.of("-i", rendition.toString()));
        args.addAll(filters);
        args.addAll(RUNG_360);
        args.addAll(gop);
        args.addAll(List.of("-movflags", "+faststart", made.toString()));
        ffmpeg(args);
        move(made, rendition);
        return root;
    }

    /** Runs qc and expects exit 5, quarantine, and exactly {@code expected} failing ("rendition: check or rule"). */
    private static JsonNode expectFailure(Path root, Set<String> expected) {
        JsonNode qc = runQc(root, 5);
        assertEquals(new TreeSet<>(expected), failing(qc), qc.toString());
        return qc;
    }

    private static JsonNode runQc(Path root, int exitCode) {
        CliResult r = InProcessCli.run("qc", id, "--content-root", root.toString());
        assertEquals(exitCode, r.exitCode(), r.describe());
        Path folder = root.resolve(exitCode == 0 ? "output" : "failed").resolve(id);
        if (exitCode != 0) assertTrue(Files.isRegularFile(folder.resolve("reason.json")), "no reason.json in " + folder);
        JsonNode qc = read(folder.resolve("qc.json"));
        assertEquals(exitCode == 0 ? "PASS" : "FAIL", qc.path("verdict").asText());
        assertReadOnceAndSelfContained(folder, qc);
        return qc;
    }

    /** Each rendition was read exactly once (bytes read = its size) and qc.html fetches nothing. */
    private static void assertReadOnceAndSelfContained(Path folder, JsonNode qc) {
        try {
            for (JsonNode m : qc.path("metrics")) {
                Path file = folder.resolve(m.path("rendition").asText() + ".mp4");
                long size = Files.size(file);
                boolean faststart = TopLevelBoxes.index(TopLevelBoxes.read(file), "moov") < TopLevelBoxes.index(TopLevelBoxes.read(file), "mdat");
                // With moov at the end ffmpeg seeks to it and back: more than the size is read, still in one run.
                if (faststart) assertEquals(size, m.path("bytesRead").asLong(), "bytes read of " + file);
                else assertTrue(m.path("bytesRead").asLong() >= size, "bytes read of " + file + ": " + m);
            }
            String html = Files.readString(folder.resolve("qc.html"), StandardCharsets.UTF_8);
            assertFalse(html.contains("http://") || html.contains("https://"), "qc.html holds a URL");
            assertFalse(html.contains("<script"), "qc.html holds a script");
            assertTrue(html.contains("src=\"data:image/jpeg;base64,"), "qc.html has no embedded contact sheet");
            assertTrue(html.contains(">" + qc.path("verdict").asText() + "</span>"), "qc.html shows no verdict");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Failed checks and failure findings, as "rendition: check" and "rendition: rule". */
    private static Set<String> failing(JsonNode qc) {
        Set<String> out = new TreeSet<>();
        for (JsonNode c : qc.path("checks")) if (!c.path("passed").asBoolean()) out.add(c.path("rendition").asText() + ": " + c.path("check").asText());
        for (JsonNode f : qc.path("findings")) {
            if (f.path("severity").asText().equals("FAILURE")) out.add(f.path("rendition").asText() + ": " + f.path("rule").asText());
        }
        return out;
    }

    private static void assertRange(JsonNode qc, String rule, double start, double end) {
        JsonNode f = finding(qc, rule);
        assertEquals(start, f.path("range").path("start").asDouble(), RANGE_TOLERANCE_S, f.toString());
        assertEquals(end, f.path("range").path("end").asDouble(), RANGE_TOLERANCE_S, f.toString());
    }

    private static JsonNode finding(JsonNode qc, String rule) {
        for (JsonNode f : qc.path("findings")) if (f.path("rule").asText().equals(rule) && f.path("severity").asText().equals("FAILURE")) return f;
        throw new AssertionError("no " + rule + " failure in " + qc);
    }

    private static JsonNode failedCheck(JsonNode qc, String check) {
        for (JsonNode c : qc.path("checks")) if (c.path("check").asText().equals(check) && !c.path("passed").asBoolean()) return c;
        throw new AssertionError("check " + check + " did not fail: " + qc);
    }

    private static String ingestAndTranscode(Path source, Path root) {
        CliResult ingest = InProcessCli.run("ingest", source.toString(), "--content-root", root.toString());
        assertEquals(0, ingest.exitCode(), ingest.describe());
        String asset = ingest.stdout().trim();
        CliResult transcode = InProcessCli.run("transcode", asset, "--content-root", root.toString(), "--profile", profile.toString());
        assertEquals(0, transcode.exitCode(), transcode.describe());
        return asset;
    }

    private static Path lavfi(Path target, String video, String audio) {
        ffmpeg(List.of("-f", "lavfi", "-i", video, "-f", "lavfi", "-i", audio, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", target.toString()));
        return target;
    }

    private static void ffmpeg(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(args);
        ExternalProgram.check(cmd, 120);
    }

    private Path copyTemplate() {
        Path root = work.resolve("content");
        try (Stream<Path> all = Files.walk(template)) {
            for (Path p : all.toList()) {
                Path to = root.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopLevelBoxes.Box box(Path file, String type) {
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(file);
        return boxes.get(TopLevelBoxes.index(boxes, type));
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
