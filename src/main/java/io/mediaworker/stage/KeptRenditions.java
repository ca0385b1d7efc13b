package io.mediaworker.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.content.Json;
import io.mediaworker.model.AssetId;
import io.mediaworker.plan.Rendition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renditions a retried transcode finished and verified, kept in {@code .work/kept-<assetId>/} so
 * that the next attempt encodes only the rest. Each kept file has a record beside it (size,
 * SHA-256 and the fingerprint of the command that made it): a rendition counts as kept only if the
 * record is there, the file still matches it, and the fingerprint matches what this attempt would
 * run (another profile, encoder or ffmpeg makes it stale). The folder carries no owner tag, so the
 * orphan sweep leaves it for the next attempt, whichever host that runs on; publishing the asset
 * or {@code --force} removes it.
 */
final class KeptRenditions {
    private static final String RECORD_SUFFIX = ".kept.json";

    private final Path dir;
    private final Path work;

    private KeptRenditions(Path dir, Path work) {
        this.dir = dir;
        this.work = work;
    }

    static KeptRenditions of(ContentTree tree, AssetId id) {
        return new KeptRenditions(tree.work().resolve("kept-" + id.value()), tree.work());
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** The kept file for this rendition when it still verifies against its record and fingerprint. */
    Optional<Path> verified(Rendition r, String fingerprint) {
        Path file = dir.resolve(r.fileName());
        Path record = dir.resolve(r.fileName() + RECORD_SUFFIX);
        try {
            if (!Files.isRegularFile(file) || !Files.isRegularFile(record)) return Optional.empty();
            JsonNode kept = Json.MAPPER.readTree(record.toFile());
            if (!fingerprint.equals(kept.path("fingerprint").asText())) return Optional.empty();
            if (Files.size(file) != kept.path("size").asLong(-1)) return Optional.empty();
            return HashingCopy.hash(file).sha256().equals(kept.path("sha256").asText()) ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Moves a finished rendition in (one rename), then writes its record: a file without one is never trusted. */
    void keep(Path finished, Rendition r, String fingerprint, int attempt) {
        try {
            Files.createDirectories(dir);
            HashingCopy.Result h = HashingCopy.hash(finished);
            Path file = dir.resolve(r.fileName());
            Files.deleteIfExists(dir.resolve(r.fileName() + RECORD_SUFFIX));
            Files.move(finished, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.writeJson(dir.resolve(r.fileName() + RECORD_SUFFIX),
                    Map.of("fingerprint", fingerprint, "size", h.size(), "sha256", h.sha256(), "attempt", attempt), work);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot keep " + finished, e);
        }
    }

    /** Moves a kept rendition into the staging folder that is about to be published. */
    void moveInto(Rendition r, Path staging) {
        Path file = dir.resolve(r.fileName());
        try {
            Files.move(file, staging.resolve(r.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot move " + file, e);
        }
    }

    void discard() {
        ContentTree.deleteRecursively(dir);
    }

    /**
     * What identifies the work behind a rendition: its command with the output folder left out
     * (each attempt stages in a folder of its own), plus the ffmpeg version that would run it.
     */
    static String fingerprint(List<String> command, Path outputDir, String ffmpegVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ffmpegVersion.getBytes(StandardCharsets.UTF_8));
            String folder = outputDir.toString();
            for (String arg : command) {
                sha.update((byte) 0);
                sha.update(arg.replace(folder, "<out>").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
