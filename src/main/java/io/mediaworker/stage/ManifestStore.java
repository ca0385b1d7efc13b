package io.mediaworker.stage;

import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.Json;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.model.TransientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@code manifest.json} in an asset folder. */
public final class ManifestStore {
    private ManifestStore() {}

    public static Optional<Manifest> read(Path assetDir) {
        Path file = assetDir.resolve(Manifest.FILE_NAME);
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), Manifest.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TransientException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path assetDir, Manifest manifest, Path tempDir) {
        AtomicFiles.writeJson(assetDir.resolve(Manifest.FILE_NAME), manifest, tempDir);
    }
}
