package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.SourceObject;
import io.mediaworker.model.AssetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the asset an object-store source was already ingested as, before anything is downloaded:
 * the named asset's manifest when an id is given, else every ingested manifest (one small file
 * per asset) is read until one records the same object.
 */
final class IngestedObjects {
    private IngestedObjects() {}

    static Optional<AssetId> find(ContentTree tree, Optional<AssetId> named, SourceObject object) {
        if (named.isPresent()) {
            return ManifestStore.read(tree.dir(ContentTree.Area.INGEST, named.get()))
                    .filter(m -> matches(m, object)).map(Manifest::assetId);
        }
        Path ingest = tree.root().resolve("ingest");
        try (Stream<Path> dirs = Files.list(ingest)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"))
                    .map(d -> ManifestStore.read(d).filter(m -> matches(m, object)))
                    .flatMap(Optional::stream).map(Manifest::assetId).findFirst();
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot list " + ingest, e);
        }
    }

    private static boolean matches(Manifest m, SourceObject object) {
        return m.source().object().map(o -> o.sameObjectAs(object)).orElse(false);
    }
}
