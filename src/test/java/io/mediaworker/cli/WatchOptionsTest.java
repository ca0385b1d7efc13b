package io.mediaworker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch flags that make no sense together are usage errors (exit 2) with one line, before anything runs. */
class WatchOptionsTest {
    @TempDir Path dir;

    private CliResult run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--content-root";
        all[1] = dir.resolve("content").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return InProcessCli.run(all);
    }

    private void assertUsage(String expected, String... args) {
        CliResult r = run(args);
        assertEquals(2, r.exitCode(), r.describe());
        List<String> lines = r.stderrLines();
        assertEquals(1, lines.size(), r.describe());
        assertTrue(lines.get(0).startsWith("media-worker: error: ") && lines.get(0).contains(expected), r.describe());
    }

    @Test
    void eitherOneThingOrWatch() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        assertUsage("either SOURCE or --watch", "ingest");
        assertUsage("either SOURCE or --watch", "ingest", "clip.mp4", "--watch", in.toString());
        assertUsage("either ASSET_ID or --watch", "transcode");
        assertUsage("either ASSET_ID or --watch", "qc", "abc", "--watch");
        assertUsage("either ASSET_ID or --watch", "deliver", "--to", dir.toString());
    }

    @Test
    void optionsThatNeedOneAssetOrAWatcher() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        assertUsage("--once needs --watch", "transcode", "abc", "--once");
        assertUsage("--asset-id", "ingest", "--watch", in.toString(), "--asset-id", "x1");
        assertUsage("--dry-run", "transcode", "--watch", "--dry-run");
        assertUsage("--poll-interval must be more than 0", "qc", "--watch", "--poll-interval", "0");
        assertUsage("--settle must be between", "ingest", "--watch", in.toString(), "--settle", "-1");
    }

    @Test
    void aBadProfileOrPolicyStopsTheWatcherAtOnce() throws Exception {
        Path profile = Files.writeString(dir.resolve("profile.json"), "{\"rungs\": [], \"typo\": 1}");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"ssim\": {\"warn\": \"high\"}}");
        assertUsage("profile", "transcode", "--watch", "--profile", profile.toString());
        assertUsage("policy", "qc", "--watch", "--policy", policy.toString());
    }

    @Test
    void theWatchedFolderMustExistAndBeOutsideTheStageFolders() throws Exception {
        assertUsage("is not a folder", "ingest", "--watch", dir.resolve("missing").toString());
        Path inside = Files.createDirectories(dir.resolve("content").resolve("ingest").resolve("drop"));
        assertUsage("inside the content tree's ingest/", "ingest", "--watch", inside.toString());
    }
}
