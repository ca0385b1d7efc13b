package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.content.ContentTree;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.plan.Rendition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept rendition is trusted only while its record, its bytes and the command behind it all still match. */
class KeptRenditionsTest {
    private static final Rendition R360 = new Rendition("360p", "360p.mp4", new Resolution(640, 360), Rational.ofInt(25), 500, 750, 1000, "high");
    private static final byte[] MEDIA = "not really an mp4, but bytes with a checksum".getBytes();

    @TempDir Path dir;
    ContentTree tree;
    KeptRenditions kept;
    Path finished;

    @BeforeEach
    void keepOne() throws Exception {
        tree = new ContentTree(dir).prepare();
        kept = KeptRenditions.of(tree, AssetId.of("clip-1"));
        Path staging = tree.newStaging("transcode", "clip-1");
        finished = Files.write(staging.resolve("360p.mp4"), MEDIA);
        kept.keep(finished, R360, "fp-1", 2);
    }

    @Test
    void aKeptRenditionVerifiesWithItsFingerprint() {
        Optional<Path> file = kept.verified(R360, "fp-1");
        assertTrue(file.isPresent());
        assertFalse(Files.exists(finished), "moved, not copied");
        assertTrue(kept.exists());
    }

    @Test
    void anotherCommandMakesItStale() {
        assertEquals(Optional.empty(), kept.verified(R360, "fp-2"));
    }

    @Test
    void changedBytesOfTheSameSizeAreNotTrusted() throws Exception {
        Path file = kept.verified(R360, "fp-1").orElseThrow();
        byte[] flipped = MEDIA.clone();
        flipped[3] ^= 1;
        Files.write(file, flipped);
        assertEquals(Optional.empty(), kept.verified(R360, "fp-1"));
    }

    @Test
    void aFileWithoutItsRecordIsNotTrusted() throws Exception {
        Path file = kept.verified(R360, "fp-1").orElseThrow();
        Files.delete(file.resolveSibling("360p.mp4.kept.json"));
        assertEquals(Optional.empty(), kept.verified(R360, "fp-1"));
    }

    @Test
    void theOrphanSweepLeavesKeptRenditionsForTheNextAttempt() {
        new ContentTree(dir).prepare();
        ContentTree.removeOrphans(tree.work());
        assertTrue(kept.verified(R360, "fp-1").isPresent());
    }

    @Test
    void theFingerprintIgnoresTheStagingFolderButNotTheCommand() {
        List<String> a = List.of("ffmpeg", "-i", "/c/ingest/x/source.mp4", "-b:v", "500k", "/c/.work/t~h~1~10~ab/360p.mp4");
        List<String> b = List.of("ffmpeg", "-i", "/c/ingest/x/source.mp4", "-b:v", "500k", "/c/.work/t~h~1~99~cd/360p.mp4");
        List<String> c = List.of("ffmpeg", "-i", "/c/ingest/x/source.mp4", "-b:v", "600k", "/c/.work/t~h~1~99~cd/360p.mp4");
        assertEquals(KeptRenditions.fingerprint(a, Path.of("/c/.work/t~h~1~10~ab"), "5.1.8"),
                KeptRenditions.fingerprint(b, Path.of("/c/.work/t~h~1~99~cd"), "5.1.8"));
        assertNotEquals(KeptRenditions.fingerprint(b, Path.of("/c/.work/t~h~1~99~cd"), "5.1.8"),
                KeptRenditions.fingerprint(c, Path.of("/c/.work/t~h~1~99~cd"), "5.1.8"));
        assertNotEquals(KeptRenditions.fingerprint(a, Path.of("/c/.work/t~h~1~10~ab"), "5.1.8"),
                KeptRenditions.fingerprint(a, Path.of("/c/.work/t~h~1~10~ab"), "4.4.1"));
    }
}
