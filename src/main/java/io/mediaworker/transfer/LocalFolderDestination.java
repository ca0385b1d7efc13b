package io.mediaworker.transfer;

import io.mediaworker.content.ContentTree;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.content.TempOwner;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.model.AssetId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers into {@code <folder>/<assetId>/}: each file is copied under a hidden temporary name,
 * flushed, renamed into place, then read back and hashed.
 */
public final class LocalFolderDestination implements Destination {
    private final Path folder;

    public LocalFolderDestination(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override public String describe() { return folder.toString(); }

    @Override
    public List<FileRecord> deliver(AssetId id, List<Path> files) {
        Path target = folder.resolve(id.value());
        List<FileRecord> delivered = new ArrayList<>();
        try {
            Files.createDirectories(target);
            ContentTree.removeOrphans(target); // parts left by a delivery that was killed
            for (Path file : files) {
                Path finalPath = target.resolve(file.getFileName().toString());
                Path tmp = target.resolve(TempOwner.self().name("." + file.getFileName() + ".part"));
                try (InputStream in = Files.newInputStream(file)) {
                    HashingCopy.copy(in, tmp);
                    Files.move(tmp, finalPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                HashingCopy.Result readBack = HashingCopy.hash(finalPath);
                delivered.add(new FileRecord(finalPath.toString(), readBack.size(), readBack.sha256()));
            }
        } catch (IOException e) {
            throw ContentTree.storageFault("delivery to " + target + " failed", e);
        }
        return delivered;
    }
}
