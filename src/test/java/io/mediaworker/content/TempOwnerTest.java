package io.mediaworker.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempOwnerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    @TempDir Path dir;

    @Test
    void aNameCarriesItsOwner() {
        TempOwner self = TempOwner.self();
        String name = self.name("transcode-clip.v2_1");
        assertTrue(name.startsWith("transcode-clip.v2_1~"), name);
        assertEquals(Optional.of(self), TempOwner.parse(name));
        assertEquals(Optional.empty(), TempOwner.parse("transcode-clip-1234abcd"));
        assertEquals(Optional.empty(), TempOwner.parse("leases"));
    }

    @Test
    void ourOwnTemporariesAreNeverOrphans() {
        TempOwner self = TempOwner.self();
        assertFalse(self.isOrphan(self.name("x"), Instant.EPOCH, NOW));
    }

    @Test
    void aDeadProcessOnThisHostLeavesOrphansAtOnce() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        TempOwner self = TempOwner.self();
        String dead = new TempOwner(self.host(), self.pidNamespace(), p.pid()).name("ingest-incoming");
        assertTrue(self.isOrphan(dead, NOW, NOW), "owner " + p.pid() + " has exited");
        String alive = new TempOwner(self.host(), self.pidNamespace(), ProcessHandle.current().parent().orElseThrow().pid()).name("qc-a");
        assertFalse(self.isOrphan(alive, Instant.EPOCH, NOW), "the parent process is alive");
    }

    @Test
    void anotherHostsTemporariesAreOrphansOnlyOnceIdleForAnHour() {
        TempOwner self = TempOwner.self();
        String foreign = new TempOwner("ip-10-1-2-3", "4026531836", 7).name("transcode-a");
        assertFalse(self.isOrphan(foreign, NOW.minus(Duration.ofMinutes(59)), NOW));
        assertTrue(self.isOrphan(foreign, NOW.minus(Duration.ofMinutes(61)), NOW));
        // Same host name, another container's PID namespace: its pids mean nothing here.
        String sibling = new TempOwner(self.host(), "1", 1).name("transcode-b");
        assertFalse(self.isOrphan(sibling, NOW.minus(Duration.ofMinutes(5)), NOW));
    }

    @Test
    void theSweepRemovesOnlyTaggedOrphans() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        TempOwner self = TempOwner.self();
        TempOwner dead = new TempOwner(self.host(), self.pidNamespace(), p.pid());
        Path orphanDir = Files.createDirectories(dir.resolve(dead.name("transcode-a")));
        Files.writeString(orphanDir.resolve("360p.mp4"), "partial");
        Path orphanFile = Files.writeString(dir.resolve(dead.name(".manifest.json.tmp")), "{");
        Path mine = Files.createDirectories(dir.resolve(self.name("qc-a")));
        Path leases = Files.createDirectories(dir.resolve("leases"));
        Path foreignBusy = Files.createDirectories(dir.resolve(new TempOwner("other", "9", 9).name("ingest-incoming")));
        Files.writeString(foreignBusy.resolve("source.mov"), "growing");
        Path foreignIdle = Files.createDirectories(dir.resolve(new TempOwner("other", "9", 10).name("ingest-incoming")));
        Path idleFile = Files.writeString(foreignIdle.resolve("source.mov"), "left behind");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(idleFile, old);
        Files.setLastModifiedTime(foreignIdle, old);

        assertEquals(3, ContentTree.removeOrphans(dir));

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(foreignBusy, leases, mine).stream().map(Path::getFileName).sorted().toList(),
                    left.map(Path::getFileName).sorted().toList());
        }
        assertFalse(Files.exists(orphanDir) || Files.exists(orphanFile) || Files.exists(foreignIdle));
    }
}
