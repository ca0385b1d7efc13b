package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.testing.ExternalProgram;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Watch mode with the real jar in separate processes on one content tree, the real ffmpeg
 * behind a logging stand-in. Exactly-once is judged from what was done, not from what the
 * workers say: the stand-in's log (one staging folder per ingest and per transcode, one QC
 * analysis per rendition), the manifests, and the files published and delivered.
 */
class WatchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ASSETS = 6;
    private static final Pattern INGEST_RUN = Pattern.compile("/\\.work/(ingest-incoming~[^/]+)/");
    private static final String[] QUICK = {"--poll-interval", "0.2", "--once"};

    /** Six distinct 1 s 160x90 clips (their tones differ, so their bytes and asset ids do). */
    private static final List<Path> CLIPS = new ArrayList<>();
    @TempDir static Path shared;
    @TempDir Path dir;

    @BeforeAll
    static void makeClips() {
        GeneratedMedia.assumeFfmpeg();
        for (int i = 0; i < ASSETS + 1; i++) {
            Path clip = shared.resolve("clip-" + i + ".mp4");
            ExternalProgram.check(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-loglevel", "error",
                    "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1",
                    "-f", "lavfi", "-i", "sine=frequency=" + (300 + 110 * i) + ":sample_rate=48000:duration=1",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString()), 60);
            CLIPS.add(clip);
        }
    }

    // --- N workers, M assets ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} concurrent watchers per stage, " + ASSETS + " assets")
    @ValueSource(ints = {2, 4})
    void concurrentWatchersProcessEveryAssetExactlyOnce(int workers) throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Map<String, String> nameBySha = new HashMap<>();
        for (Path clip : CLIPS.subList(0, ASSETS)) {
            Files.copy(clip, incoming.resolve(clip.getFileName()));
            nameBySha.put(FileState.sha256(clip), clip.getFileName().toString());
        }
        Path dest = dir.resolve("delivery");
        Map<String, Long> seconds = new TreeMap<>();

        long t = System.nanoTime();
        List<WatcherProcesses.Watcher> ingesters = w.runConcurrently(workers,
                concat(new String[]{"ingest", "--watch", incoming.toString(), "--settle", "0.5"}, QUICK));
        seconds.put("1 ingest", (System.nanoTime() - t) / 1_000_000);
        Set<String> ids = assertEachOnce(ingesters, "ingest");
        assertEquals(ASSETS, w.distinct(INGEST_RUN).size(), "one ingest run per file: " + w.distinct(INGEST_RUN));
        assertEquals(ids, folders(w.root().resolve("ingest")));
        Set<String> shas = new HashSet<>();
        for (String id : ids) {
            String sha = FileState.sha256(w.root().resolve("ingest").resolve(id).resolve("source.mp4"));
            assertTrue(nameBySha.containsKey(sha), "ingested bytes are one of the clips: " + id);
            shas.add(sha);
        }
        assertEquals(nameBySha.keySet(), shas, "every clip ingested");

        // Two assets carry leases of a worker that died: every watcher may judge them stale at once; one takes each over.
        List<String> sorted = ids.stream().sorted().toList();
        Path transcodeLeases = Files.createDirectories(w.root().resolve(".work/leases/transcode"));
        Instant now = Instant.now();
        for (String id : List.of(sorted.get(0), sorted.get(3))) {
            writeLease(transcodeLeases.resolve(id + ".lease"), "dead-" + id, "spot-gone", 999_999, now.minusSeconds(300), now.minusSeconds(200));
        }

        t = System.nanoTime();
        List<WatcherProcesses.Watcher> transcoders = w.runConcurrently(workers, concat(new String[]{"transcode", "--watch"}, QUICK));
        seconds.put("2 transcode", (System.nanoTime() - t) / 1_000_000);
        assertEquals(ids, assertEachOnce(transcoders, "transcode"));
        for (String id : ids) {
            List<String> runs = w.distinct(Pattern.compile("/\\.work/(transcode-" + Pattern.quote(id) + "~[^/]+)/"));
            assertEquals(1, runs.size(), id + " transcoded once: " + runs);
            JsonNode transcode = manifest(w.root().resolve("transcode").resolve(id)).path("transcode");
            assertEquals("SUCCEEDED", transcode.path("status").asText());
            assertEquals(1, transcode.path("facts").path("attempts").size(), transcode.path("facts").path("attempts").toString());
        }

        t = System.nanoTime();
        List<WatcherProcesses.Watcher> checkers = w.runConcurrently(workers, concat(new String[]{"qc", "--watch"}, QUICK));
        seconds.put("3 qc", (System.nanoTime() - t) / 1_000_000);
        assertEquals(ids, assertEachOnce(checkers, "qc"));
        assertEquals(ids, folders(w.root().resolve("output")));
        assertEquals(Set.of(), folders(w.root().resolve("transcode")));
        for (String id : ids) {
            JsonNode qc = manifest(w.root().resolve("output").resolve(id)).path("qc");
            assertEquals("SUCCEEDED", qc.path("status").asText());
            long analyses = w.calls().stream().filter(c -> c.contains("-err_detect explode") && c.contains("/transcode/" + id + "/")).count();
            assertEquals(qc.path("outputs").size(), analyses, id + ": one QC analysis per rendition");
        }

        t = System.nanoTime();
        List<WatcherProcesses.Watcher> deliverers = w.runConcurrently(workers,
                concat(new String[]{"deliver", "--watch", "--to", dest.toString()}, QUICK));
        seconds.put("4 deliver", (System.nanoTime() - t) / 1_000_000);
        assertEquals(ids, assertEachOnce(deliverers, "deliver"));
        assertEquals(ids, folders(dest));
        for (String id : ids) {
            for (JsonNode f : manifest(w.root().resolve("output").resolve(id)).path("qc").path("outputs")) {
                Path delivered = dest.resolve(id).resolve(Path.of(f.path("path").asText()).getFileName());
                assertEquals(f.path("sha256").asText(), FileState.sha256(delivered), delivered.toString());
            }
            assertEquals("SUCCEEDED", manifest(dest.resolve(id)).path("deliver").path("status").asText());
        }

        assertEquals(List.of(), w.leftInWork(), "no lease or temporary left");
        for (Path clip : CLIPS.subList(0, ASSETS)) {
            assertEquals(FileState.sha256(clip), FileState.sha256(incoming.resolve(clip.getFileName())), "sources left as they were");
        }
        System.out.printf("%d watchers x %d assets: wall ms per stage %s; per-worker share ingest %s transcode %s qc %s deliver %s%n",
                workers, ASSETS, seconds, shares(ingesters), shares(transcoders), shares(checkers), shares(deliverers));
    }

    // --- all four stages watching at once ---------------------------------------------------------

    @Test
    void oneWatcherPerStageRunningTogetherTakeDroppedFilesAllTheWayAndStopOnSigterm() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Path dest = dir.resolve("delivery");
        String[] poll = {"--poll-interval", "0.2"};
        List<WatcherProcesses.Watcher> pipeline = List.of(
                w.start(concat(new String[]{"ingest", "--watch", incoming.toString(), "--settle", "0.5"}, poll)),
                w.start(concat(new String[]{"transcode", "--watch"}, poll)),
                w.start(concat(new String[]{"qc", "--watch"}, poll)),
                w.start(concat(new String[]{"deliver", "--watch", "--to", dest.toString()}, poll)));
        for (Path clip : CLIPS.subList(0, 3)) Files.copy(clip, incoming.resolve(clip.getFileName()));

        WatcherProcesses.waitFor(() -> folders(dest).size() == 3 && folders(dest).stream()
                .allMatch(id -> Files.exists(dest.resolve(id).resolve("manifest.json"))), Duration.ofMinutes(3), "three deliveries");
        for (WatcherProcesses.Watcher p : pipeline) p.process().destroy();
        for (WatcherProcesses.Watcher p : pipeline) assertEquals(143, p.awaitExit(Duration.ofSeconds(15)), p.stderrText());

        for (WatcherProcesses.Watcher p : pipeline) assertEquals(folders(dest), Set.copyOf(p.stdoutLines()), "each stage did each asset");
        for (WatcherProcesses.Watcher p : pipeline) assertEquals(3, p.stdoutLines().size(), "once");
        assertEquals(3, w.distinct(INGEST_RUN).size());
        assertEquals(List.of(), w.leftInWork(), "no lease or temporary left");
    }

    // --- settling, temporary names, a bad file ---------------------------------------------------

    @Test
    void aGrowingFileIsIngestedOnlyOnceItStopsChangingAndTemporaryNamesNever() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Path other = CLIPS.get(1);
        for (String temp : List.of(".hidden.mp4", "upload.mp4.part", "upload.mp4.tmp", "upload.mp4.crdownload", "upload.mp4~")) {
            Files.copy(other, incoming.resolve(temp));
        }
        Duration settle = Duration.ofSeconds(2);
        WatcherProcesses.Watcher watcher = w.start("ingest", "--watch", incoming.toString(), "--settle", "2", "--poll-interval", "0.2");

        byte[] bytes = Files.readAllBytes(CLIPS.get(0));
        Path growing = incoming.resolve("growing.mp4");
        AtomicReference<Instant> lastWrite = new AtomicReference<>();
        AtomicBoolean takenEarly = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int chunks = 12;
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int i = 0; i < chunks; i++) {
                    out.write(bytes, i * bytes.length / chunks, (i + 1) * bytes.length / chunks - i * bytes.length / chunks);
                    out.flush();
                    lastWrite.set(Instant.now());
                    Thread.sleep(400); // slower than the poll, faster than the settle time: an upload over a slow link
                    if (!folders(w.root().resolve("ingest")).isEmpty() || !folders(w.root().resolve("failed")).isEmpty()) takenEarly.set(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.get(60, TimeUnit.SECONDS);
        assertFalse(takenEarly.get(), "nothing was ingested while the file grew:\n" + watcher.stderrText());

        Path ingest = w.root().resolve("ingest");
        WatcherProcesses.waitFor(() -> !folders(ingest).isEmpty(), Duration.ofSeconds(60), "the settled file's ingest");
        Instant ingested = Instant.parse(manifest(ingest.resolve(only(folders(ingest)))).path("ingest").path("startedAt").asText());
        assertFalse(ingested.isBefore(lastWrite.get().plus(settle).minusMillis(50)),
                "ingested at " + ingested + ", last write " + lastWrite.get());
        String id = only(folders(ingest));
        assertEquals(FileState.sha256(growing), FileState.sha256(ingest.resolve(id).resolve("source.mp4")), "the whole final file");

        Thread.sleep(1500); // more polls: still nothing else
        assertEquals(Set.of(id), folders(ingest), "temporary upload names are never ingested");
        assertEquals(1, w.distinct(INGEST_RUN).size(), "one ingest run in all");

        watcher.process().destroy(); // SIGTERM while idle
        assertEquals(143, watcher.awaitExit(Duration.ofSeconds(15)), watcher.stderrText());
        assertEquals(List.of(), w.leftInWork());
        assertEquals(List.of(id), watcher.stdoutLines());
    }

    @Test
    void aFileThatIsNotMediaIsRefusedOnceAndNotRetried() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Files.writeString(incoming.resolve("notes.mp4"), "these are not the frames you are looking for\n", StandardCharsets.UTF_8);
        Files.copy(CLIPS.get(2), incoming.resolve("good.mp4"));
        WatcherProcesses.Watcher watcher = w.start("ingest", "--watch", incoming.toString(), "--settle", "0.3", "--poll-interval", "0.1");

        WatcherProcesses.waitFor(() -> folders(w.root().resolve("failed")).size() == 1 && folders(w.root().resolve("ingest")).size() == 1,
                Duration.ofSeconds(60), "one refused and one ingested");
        Path reason = w.root().resolve("failed").resolve(only(folders(w.root().resolve("failed")))).resolve("reason.json");
        FileState refused = FileState.of(reason);
        assertEquals(3, JSON.readTree(reason.toFile()).path("exitCode").asInt());
        Thread.sleep(2000); // some twenty polls
        watcher.process().destroy();
        assertEquals(143, watcher.awaitExit(Duration.ofSeconds(15)), watcher.stderrText());

        assertEquals(2, w.distinct(INGEST_RUN).size(), "each file tried once: " + w.distinct(INGEST_RUN));
        assertEquals(refused, FileState.of(reason), "the refusal was not redone");
        WatcherProcesses.Watcher again = w.start("ingest", "--watch", incoming.toString(), "--settle", "0.3", "--once");
        assertEquals(0, again.awaitExit(Duration.ofSeconds(60)), again.stderrText());
        assertEquals(2, w.distinct(INGEST_RUN).size(), "a new watcher remembers too");
        assertEquals(List.of(), again.stdoutLines());
    }

    @Test
    void aQcFailureIsNotRetriedUntilTheAssetIsTranscodedAgain() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        String id = ingest(w.root(), CLIPS.get(5));
        Path strict = Files.writeString(dir.resolve("strict.json"), "{\"ssim\": {\"warn\": 0.99999, \"fail\": 0.9999}}");
        assertEquals(0, w.start(concat(new String[]{"transcode", "--watch"}, QUICK)).awaitExit(Duration.ofSeconds(120)));

        WatcherProcesses.Watcher failing = w.start(concat(new String[]{"qc", "--watch", "--policy", strict.toString()}, QUICK));
        assertEquals(0, failing.awaitExit(Duration.ofSeconds(120)), "a QC failure is the asset's, not the watcher's: " + failing.stderrText());
        assertEquals(List.of(), failing.stdoutLines());
        Path reason = w.root().resolve("failed").resolve(id).resolve("reason.json");
        assertEquals(5, JSON.readTree(reason.toFile()).path("exitCode").asInt());
        long analyses = analyses(w, id);

        WatcherProcesses.Watcher again = w.start(concat(new String[]{"qc", "--watch"}, QUICK));
        assertEquals(0, again.awaitExit(Duration.ofSeconds(120)), again.stderrText());
        assertEquals(analyses, analyses(w, id), "not judged again: nothing changed");

        var retranscode = InProcessCli.run("--content-root", w.root().toString(), "transcode", id);
        assertEquals(0, retranscode.exitCode(), retranscode.describe());
        WatcherProcesses.Watcher afterNewLadder = w.start(concat(new String[]{"qc", "--watch"}, QUICK));
        assertEquals(0, afterNewLadder.awaitExit(Duration.ofSeconds(120)), afterNewLadder.stderrText());
        assertEquals(List.of(id), afterNewLadder.stdoutLines(), "a new ladder is judged");
        assertEquals("SUCCEEDED", manifest(w.root().resolve("output").resolve(id)).path("qc").path("status").asText());
    }

    private static long analyses(WatcherProcesses w, String id) {
        return w.calls().stream().filter(c -> c.contains("-err_detect explode") && c.contains("/" + id + "/")).count();
    }

    // --- leases ----------------------------------------------------------------------------------

    @Test
    void anExpiredLeaseOfADeadOwnerIsTakenOverAndALiveOneIsLeftAlone() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        String abandoned = ingest(w.root(), CLIPS.get(3));
        String held = ingest(w.root(), CLIPS.get(4));
        Path leases = Files.createDirectories(w.root().resolve(".work/leases/transcode"));
        Instant now = Instant.now();
        writeLease(leases.resolve(abandoned + ".lease"), "spot-gone-1", "ip-10-0-0-9", 999_999, now.minusSeconds(600), now.minusSeconds(60));
        Path live = leases.resolve(held + ".lease");
        writeLease(live, "busy-2", "ip-10-0-0-7", 4242, now, now.plusSeconds(3600));
        FileState liveBefore = FileState.of(live);

        WatcherProcesses.Watcher watcher = w.start(concat(new String[]{"transcode", "--watch"}, QUICK));
        assertEquals(0, watcher.awaitExit(Duration.ofSeconds(120)), watcher.stderrText());

        assertTrue(Files.exists(w.root().resolve("transcode").resolve(abandoned).resolve("manifest.json")), "the abandoned asset was taken over");
        assertFalse(Files.exists(leases.resolve(abandoned + ".lease")), "and its lease released");
        assertFalse(Files.exists(w.root().resolve("transcode").resolve(held)), "a live lease keeps others out");
        assertEquals(liveBefore, FileState.of(live), "and is not touched");
        assertEquals(List.of(abandoned), watcher.stdoutLines());
    }

    @Test
    void sigtermDuringATranscodeStopsItReleasesTheLeaseAndExits143() throws Exception {
        WatcherProcesses w = new WatcherProcesses(dir);
        Path longer = dir.resolve("longer.mp4");
        ExternalProgram.check(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=20", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", longer.toString()), 120);
        String id = ingest(w.root(), longer);
        Path lease = w.root().resolve(".work/leases/transcode").resolve(id + ".lease");

        WatcherProcesses.Watcher watcher = w.start("transcode", "--watch", "--poll-interval", "0.2");
        WatcherProcesses.waitFor(() -> Files.exists(lease) && runsFfmpegEncode(watcher.process()) || !watcher.process().isAlive(),
                Duration.ofSeconds(60), "the claim and the encode");
        assertTrue(watcher.process().isAlive(), watcher.stderrText());
        long leasePid = JSON.readTree(lease.toFile()).path("pid").asLong();
        assertTrue(leasePid == watcher.process().pid() || watcher.process().descendants().anyMatch(h -> h.pid() == leasePid),
                "the lease names the worker: pid " + leasePid);
        watcher.process().destroy();
        assertEquals(143, watcher.awaitExit(Duration.ofSeconds(15)), watcher.stderrText());

        assertFalse(Files.exists(lease), "lease released");
        assertFalse(Files.exists(w.root().resolve("transcode").resolve(id)), "nothing published");
        assertEquals("transcode", manifest(w.root().resolve("ingest").resolve(id)).path("interruptions").path(0).path("stage").asText());
        assertEquals(List.of(), w.leftInWork(), "partials removed");

        WatcherProcesses.Watcher rerun = w.start(concat(new String[]{"transcode", "--watch"}, QUICK));
        assertEquals(0, rerun.awaitExit(Duration.ofSeconds(180)), rerun.stderrText());
        assertEquals(List.of(id), rerun.stdoutLines(), "the next watcher does it");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Every worker's stdout lists the ids it did; together each id exactly once. */
    private static Set<String> assertEachOnce(List<WatcherProcesses.Watcher> workers, String stage) {
        List<String> all = new ArrayList<>();
        for (WatcherProcesses.Watcher w : workers) all.addAll(w.stdoutLines());
        Set<String> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), stage + ": an asset done twice: " + all);
        assertEquals(ASSETS, distinct.size(), stage + ": " + all);
        return distinct;
    }

    private static List<Integer> shares(List<WatcherProcesses.Watcher> workers) {
        return workers.stream().map(w -> w.stdoutLines().size()).toList();
    }

    private static boolean runsFfmpegEncode(Process p) {
        return p.descendants().anyMatch(h -> h.info().arguments().map(a -> String.join(" ", a).contains("libx264")).orElse(false));
    }

    private static String ingest(Path root, Path source) {
        var r = InProcessCli.run("--content-root", root.toString(), "ingest", source.toString());
        assertEquals(0, r.exitCode(), r.describe());
        return r.stdout().strip();
    }

    private static void writeLease(Path file, String owner, String host, long pid, Instant acquired, Instant expires) throws IOException {
        Files.writeString(file, "{\"owner\":\"" + owner + "\",\"host\":\"" + host + "\",\"pid\":" + pid + ",\"acquiredAt\":\"" + acquired
                + "\",\"expiresAt\":\"" + expires + "\"}", StandardCharsets.UTF_8);
    }

    private static Set<String> folders(Path dir) {
        if (!Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String only(Set<String> names) {
        assertEquals(1, names.size(), names.toString());
        return names.iterator().next();
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("manifest.json").toFile());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
