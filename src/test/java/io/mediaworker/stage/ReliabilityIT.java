package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.content.TempOwner;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.JarLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worker killed and stopped at several moments, run again, and run twice, as Batch and Spot
 * do it: the real jar in a child process, the real ffmpeg. After every trial the stage folders
 * show whole results only, the source is as it was, and a re-run finishes the work and leaves
 * no temporary behind.
 */
class ReliabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 4 s of 1280x720: a 3-rung ladder that keeps ffmpeg busy long enough to be interrupted. */
    private static Path source;
    private static FileState sourceState;

    @TempDir static Path shared;
    @TempDir Path dir;
    Path root;
    String id;

    @BeforeAll
    static void makeSource() {
        GeneratedMedia.assumeFfmpeg();
        source = shared.resolve("clip 720p.mp4");
        run(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30:duration=4", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", source.toString()));
        sourceState = FileState.of(source);
    }

    @BeforeEach
    void ingest() {
        root = dir.resolve("content");
        CliResult r = InProcessCli.run("--content-root", root.toString(), "ingest", source.toString());
        assertEquals(0, r.exitCode(), r.describe());
        id = r.stdout().strip();
    }

    // --- kill -9 -----------------------------------------------------------------------------

    /** Moments: the staging folder exists (planning, ffmpeg starting); ffmpeg has written some; a second later. */
    @ParameterizedTest(name = "kill -9 during transcode, moment {0}")
    @ValueSource(ints = {0, 1, 2})
    void killedTranscodeLeavesNothingVisibleAndTheRerunFinishes(int moment) throws Exception {
        Process p = startJar("transcode", id);
        waitFor(() -> !staging().isEmpty() || !p.isAlive(), "a staging folder");
        if (moment >= 1) waitFor(() -> stagedBytes() > 50_000 || !p.isAlive(), "ffmpeg output");
        if (moment >= 2) Thread.sleep(1000);
        killHard(p);

        assertOnlyWholeResults();
        CliResult rerun = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, rerun.exitCode(), rerun.describe());
        assertEquals(List.of(), staging(), "the re-run removed what the killed run left");
        assertRenditionsPlayable(root.resolve("transcode").resolve(id));
    }

    @Test
    void killedQcLeavesTheRenditionsInOneStageFolderAndTheRerunPasses() throws Exception {
        transcode();
        Process p = startJar("qc", id);
        waitFor(() -> runsFfmpeg(p) || !p.isAlive(), "QC's ffmpeg");
        Thread.sleep(500);
        killHard(p);

        boolean judged = Files.exists(root.resolve("output").resolve(id));
        assertOnlyWholeResults();
        CliResult rerun = JarLauncher.run(List.of("--content-root", root.toString(), "qc", id));
        assertEquals(0, rerun.exitCode(), rerun.describe());
        if (judged) assertTrue(rerun.stderr().contains("already passed"), rerun.describe());
        assertEquals(List.of(), staging());
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)));
        assertRenditionsPlayable(root.resolve("output").resolve(id));
    }

    // --- SIGTERM -----------------------------------------------------------------------------

    @Test
    void sigtermDuringTranscodeStopsFfmpegRecordsTheInterruptionAndExits143() throws Exception {
        Process p = startJar("transcode", id);
        waitFor(() -> stagedBytes() > 50_000 || !p.isAlive(), "ffmpeg output");
        assertTrue(p.isAlive(), "transcode ended before it could be stopped");
        List<ProcessHandle> children = p.descendants().toList();
        assertFalse(children.isEmpty(), "ffmpeg runs as a child");

        long signalled = System.nanoTime();
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the worker did not stop");
        double seconds = (System.nanoTime() - signalled) / 1e9;
        assertEquals(143, p.exitValue(), stderrOf(p));
        assertTrue(seconds < 10, "stopped in " + seconds + " s");
        for (ProcessHandle c : children) assertFalse(c.isAlive(), "child " + c.pid() + " still runs: " + c.info().command());

        assertOnlyWholeResults();
        assertEquals(List.of(), staging(), "partials removed on SIGTERM");
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)));
        JsonNode interruption = manifest(root.resolve("ingest").resolve(id)).path("interruptions").path(0);
        assertEquals("transcode", interruption.path("stage").asText(), interruption.toString());
        assertTrue(lastLine(stderrOf(p)).contains("terminated"), stderrOf(p));

        CliResult rerun = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, rerun.exitCode(), rerun.describe());
        assertRenditionsPlayable(root.resolve("transcode").resolve(id));
    }

    @Test
    void sigtermDuringQcKeepsTheRenditionsWhereTheyWereAndExits143() throws Exception {
        transcode();
        Path transcoded = root.resolve("transcode").resolve(id);
        List<FileState> before = renditionStates(transcoded);
        Process p = startJar("qc", id);
        waitFor(() -> runsFfmpeg(p) || !p.isAlive(), "QC's ffmpeg");
        assertTrue(p.isAlive(), "qc ended before it could be stopped");
        p.destroy();
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the worker did not stop");
        assertEquals(143, p.exitValue(), stderrOf(p));

        assertOnlyWholeResults();
        assertEquals(before, renditionStates(transcoded), "the renditions are untouched in transcode/");
        assertFalse(Files.exists(root.resolve("output").resolve(id)));
        assertEquals("qc", manifest(transcoded).path("interruptions").path(0).path("stage").asText());
        try (Stream<Path> scratch = Files.list(dir.resolve("jvm-tmp"))) {
            assertEquals(List.of(), scratch.toList(), "QC's scratch folder removed on SIGTERM");
        }

        CliResult rerun = JarLauncher.run(List.of("--content-root", root.toString(), "qc", id));
        assertEquals(0, rerun.exitCode(), rerun.describe());
        assertRenditionsPlayable(root.resolve("output").resolve(id));
    }

    // --- idempotence -------------------------------------------------------------------------

    @Test
    void everyStageRunAgainIsANoOpUnlessForced() throws Exception {
        transcode();
        Path transcoded = root.resolve("transcode").resolve(id);
        List<FileTime> made = modified(transcoded);

        CliResult again = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.stderr().contains("already transcoded"), again.describe());
        assertEquals(made, modified(transcoded), "nothing was rewritten");

        Path dest = dir.resolve("delivery");
        assertEquals(0, JarLauncher.run(List.of("--content-root", root.toString(), "qc", id)).exitCode());
        CliResult qcAgain = JarLauncher.run(List.of("--content-root", root.toString(), "qc", id));
        assertEquals(0, qcAgain.exitCode(), qcAgain.describe());
        assertTrue(qcAgain.stderr().contains("already passed"), qcAgain.describe());
        CliResult transcodeAfterQc = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, transcodeAfterQc.exitCode(), transcodeAfterQc.describe());
        assertFalse(Files.exists(transcoded), "no second ladder once QC passed the first");

        assertEquals(0, JarLauncher.run(List.of("--content-root", root.toString(), "deliver", id, "--to", dest.toString())).exitCode());
        List<FileTime> delivered = modified(dest.resolve(id));
        CliResult deliverAgain = JarLauncher.run(List.of("--content-root", root.toString(), "deliver", id, "--to", dest.toString()));
        assertEquals(0, deliverAgain.exitCode(), deliverAgain.describe());
        assertTrue(deliverAgain.stderr().contains("already delivered"), deliverAgain.describe());
        assertEquals(delivered, modified(dest.resolve(id)));

        CliResult forced = JarLauncher.run(List.of("--content-root", root.toString(), "deliver", id, "--to", dest.toString(), "--force"));
        assertEquals(0, forced.exitCode(), forced.describe());
        assertFalse(delivered.equals(modified(dest.resolve(id))), "--force delivers again");
        assertEquals(sourceState, FileState.of(source));
    }

    @Test
    void forcedTranscodeMakesTheLadderAgain() throws Exception {
        transcode();
        Path transcoded = root.resolve("transcode").resolve(id);
        List<FileTime> made = modified(transcoded);
        CliResult forced = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id, "--force"));
        assertEquals(0, forced.exitCode(), forced.describe());
        assertFalse(made.equals(modified(transcoded)));
        assertRenditionsPlayable(transcoded);
    }

    /** failed/ lists what is failed now: a later pass of the same asset withdraws the earlier quarantine. */
    @Test
    void aPassAfterAQcFailureWithdrawsTheEarlierQuarantine() throws Exception {
        transcode();
        Path strict = Files.writeString(dir.resolve("strict.json"), "{\"ssim\": {\"warn\": 0.99999, \"fail\": 0.9999}}");
        CliResult failed = InProcessCli.run("--content-root", root.toString(), "qc", id, "--policy", strict.toString());
        assertEquals(5, failed.exitCode(), failed.describe());
        assertTrue(Files.exists(root.resolve("failed").resolve(id).resolve("reason.json")));

        transcode();
        CliResult passed = InProcessCli.run("--content-root", root.toString(), "qc", id);
        assertEquals(0, passed.exitCode(), passed.describe());
        assertTrue(Files.exists(root.resolve("output").resolve(id).resolve("qc.json")));
        assertFalse(Files.exists(root.resolve("failed").resolve(id)), "the earlier quarantine is withdrawn");
        assertOnlyWholeResults();
    }

    // --- a Batch retry -------------------------------------------------------------------------

    /**
     * Attempt 2 encodes rung by rung and is killed once the first rendition is kept; attempt 3
     * publishes that very file (same inode, same bytes) and encodes only the others, and the rungs
     * made by separate runs still share their keyframes (QC checks that and passes).
     */
    @Test
    void aRetriedJobKeepsTheRenditionsThatVerifyAndEncodesOnlyTheRest() throws Exception {
        Path keptDir = root.resolve(".work").resolve("kept-" + id);
        Process p = startJar(java.util.Map.of("AWS_BATCH_JOB_ATTEMPT", "2"), "transcode", id);
        waitFor(() -> !keptRecords(keptDir).isEmpty() || !p.isAlive(), "a kept rendition");
        killHard(p);
        List<Path> records = keptRecords(keptDir);
        assertFalse(records.isEmpty(), "attempt 2 kept a rendition before it was killed: " + stderrOf(p));
        java.util.Map<String, Object> inodes = new java.util.HashMap<>();
        java.util.Map<String, String> sums = new java.util.HashMap<>();
        for (Path record : records) {
            Path media = keptDir.resolve(record.getFileName().toString().replace(".kept.json", ""));
            inodes.put(media.getFileName().toString(), Files.getAttribute(media, "unix:ino"));
            sums.put(media.getFileName().toString(), FileState.sha256(media));
        }
        assertTrue(records.size() < 3, "killed before the last rung: " + records);
        assertFalse(Files.exists(root.resolve("transcode").resolve(id)), "nothing published by the killed attempt");

        CliResult retry = JarLauncher.run(java.util.Map.of("AWS_BATCH_JOB_ATTEMPT", "3"),
                List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, retry.exitCode(), retry.describe());
        Path transcoded = root.resolve("transcode").resolve(id);
        for (var kept : inodes.entrySet()) {
            Path published = transcoded.resolve(kept.getKey());
            assertEquals(kept.getValue(), Files.getAttribute(published, "unix:ino"), "kept, not re-encoded: " + kept.getKey());
            assertEquals(sums.get(kept.getKey()), FileState.sha256(published));
        }
        assertRenditionsPlayable(transcoded);
        assertOnlyWholeResults();
        assertFalse(Files.exists(keptDir), "the kept folder goes once the asset is published");
        JsonNode facts = manifest(transcoded).path("transcode");
        assertEquals(3, facts.path("attempt").asInt(), facts.toString());
        assertEquals(3 - records.size(), facts.path("facts").path("attempts").size(), "one encode per rung not kept: " + facts);
        CliResult qc = JarLauncher.run(List.of("--content-root", root.toString(), "qc", id));
        assertEquals(0, qc.exitCode(), qc.describe());
    }

    // --- a full disk -------------------------------------------------------------------------

    /** A tmpfs with room for the source but not the ladder: ffmpeg's real ENOSPC. Needs root (CI is). */
    @Test
    void aFullDiskDuringTranscodeExits4AndLeavesNoPartial() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        long room = Files.size(source) + 256_000; // the copy in ingest/ fits, the renditions do not
        assumeTrue(mount(small, room), "cannot mount a tmpfs here (not root?): skipped");
        try {
            Path tiny = small.resolve("content");
            CliResult ingest = JarLauncher.run(List.of("--content-root", tiny.toString(), "ingest", source.toString()));
            assertEquals(0, ingest.exitCode(), ingest.describe());
            String smallId = ingest.stdout().strip();
            CliResult r = JarLauncher.run(List.of("--content-root", tiny.toString(), "transcode", smallId));
            assertEquals(4, r.exitCode(), r.describe());
            assertEquals(1, r.stderrLines().stream().filter(l -> l.startsWith("media-worker: error:")).count(), r.describe());
            assertTrue(r.stderr().contains("No space left on device") || r.stderr().contains("disk full"), r.describe());
            assertFalse(Files.exists(tiny.resolve("transcode").resolve(smallId)));
            assertFalse(Files.exists(tiny.resolve("failed").resolve(smallId)), "a full disk is not the media's fault");
            try (Stream<Path> work = Files.list(tiny.resolve(".work"))) {
                assertEquals(List.of(), work.toList(), "partials removed");
            }
            CliResult fill = JarLauncher.run(List.of("--content-root", tiny.toString(), "ingest", "--asset-id", "second", source.toString()));
            CliResult third = JarLauncher.run(List.of("--content-root", tiny.toString(), "ingest", "--asset-id", "third", source.toString()));
            assertEquals(4, third.exitCode(), fill.describe() + third.describe());
            assertTrue(third.stderr().contains("disk full"), third.describe());
            assertFalse(Files.exists(tiny.resolve("ingest").resolve("third")));
        } finally {
            run(List.of("umount", small.toString()));
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private void transcode() {
        CliResult r = JarLauncher.run(List.of("--content-root", root.toString(), "transcode", id));
        assertEquals(0, r.exitCode(), r.describe());
    }

    private Process startJar(String... args) throws IOException {
        return startJar(java.util.Map.of(), args);
    }

    private Process startJar(java.util.Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(dir.resolve("jvm-tmp")); // the worker's local scratch (QC's analysis logs), watched by the tests
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir.resolve("jvm-tmp"), JarLauncher.QUICK_START, "-jar", JarLauncher.JAR.toString(), "--content-root", root.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private String stderrOf(Process p) {
        try {
            return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL for the worker and its ffmpeg at once, as when an instance or container goes away. */
    private static void killHard(Process p) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : family) h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
    }

    private static boolean runsFfmpeg(Process p) {
        return p.descendants().anyMatch(h -> h.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false));
    }

    /** The temporaries of ours in {@code .work/} (leases and other untagged entries are not). */
    private List<Path> staging() {
        try (Stream<Path> s = Files.list(root.resolve(".work"))) {
            return s.filter(p -> TempOwner.parse(p.getFileName().toString()).isPresent()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> keptRecords(Path keptDir) {
        if (!Files.isDirectory(keptDir)) return List.of();
        try (Stream<Path> s = Files.list(keptDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".kept.json")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // created or changed while we looked
        }
    }

    private long stagedBytes() {
        long total = 0;
        for (Path d : staging()) {
            try (Stream<Path> s = Files.walk(d)) {
                total += s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            } catch (IOException | UncheckedIOException e) {
                // the folder went away while we looked: the run moved on
            }
        }
        return total;
    }

    /**
     * Each stage folder of the asset is absent or whole: its manifest lists exactly the media in
     * it, each with the recorded size and SHA-256; the source copy and the original are as ingested.
     */
    private void assertOnlyWholeResults() throws IOException {
        assertEquals(sourceState.sha256(), FileState.sha256(root.resolve("ingest").resolve(id).resolve("source.mp4")));
        assertEquals(sourceState, FileState.of(source), "the original is untouched");
        assertFalse(Files.exists(root.resolve("failed").resolve(id)), "nothing quarantined: an interruption is not the media's fault");
        int holding = 0;
        for (String area : List.of("transcode", "output")) {
            Path folder = root.resolve(area).resolve(id);
            if (!Files.exists(folder)) continue;
            holding++;
            JsonNode m = manifest(folder);
            JsonNode outputs = "transcode".equals(area) ? m.path("transcode").path("outputs") : m.path("qc").path("outputs");
            List<String> listed = new ArrayList<>();
            for (JsonNode f : outputs) {
                Path file = root.resolve(f.path("path").asText());
                assertEquals(folder, file.getParent(), f.toString());
                assertEquals(f.path("sha256").asText(), FileState.sha256(file), "whole: " + file);
                listed.add(file.getFileName().toString());
            }
            try (Stream<Path> s = Files.list(folder)) {
                List<String> media = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mp4")).sorted().toList();
                assertEquals(listed.stream().sorted().toList(), media, "only listed media in " + folder);
            }
        }
        assertTrue(holding <= 1, "the renditions are in one stage folder");
    }

    private static void assertRenditionsPlayable(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> media = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
            assertEquals(3, media.size(), "720p, 480p and 360p in " + folder + ": " + media);
            for (Path f : media) {
                Ffprobe.Probe probe = Ffprobe.probe(f);
                assertEquals("h264", probe.videos().get(0).path("codec_name").asText(), f.toString());
                assertEquals(4.0, probe.durationSeconds(), 0.2, f.toString());
            }
        }
    }

    private static List<FileState> renditionStates(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".mp4")).sorted().map(FileState::of).toList();
        }
    }

    private static List<FileTime> modified(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<FileTime> times = new ArrayList<>();
            for (Path p : s.sorted().toList()) times.add(Files.getLastModifiedTime(p));
            return times;
        }
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("manifest.json").toFile());
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static boolean mount(Path at, long bytes) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, cmd + ": " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
