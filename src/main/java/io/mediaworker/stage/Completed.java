package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.StageRecord;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.model.AssetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a stage's work for an asset is already done and still sound, so that a re-run (a Batch
 * retry, a watcher, a second {@code run}) exits 0 without redoing it. Sound means: the published
 * folder's manifest records the stage as succeeded and every output it lists is there with the
 * recorded size and SHA-256.
 */
final class Completed {
    private Completed() {}

    /** Why transcode need not run: its renditions wait in {@code transcode/}, or QC already passed them. */
    static Optional<String> transcode(ContentTree tree, AssetId id) {
        Path transcoded = tree.dir(ContentTree.Area.TRANSCODE, id);
        Optional<Manifest> t = ManifestStore.read(transcoded);
        if (t.flatMap(Manifest::transcode).filter(r -> sound(tree, r)).isPresent()) {
            return Optional.of("already transcoded: " + t.get().transcode().get().outputs().size() + " renditions in "
                    + transcoded + " verify");
        }
        return qcPassed(tree, id).map(folder -> "already transcoded and passed QC: renditions in " + folder + " verify");
    }

    /** The output folder, when QC passed the asset and the renditions there still verify. */
    static Optional<Path> qcPassed(ContentTree tree, AssetId id) {
        Path output = tree.dir(ContentTree.Area.OUTPUT, id);
        return ManifestStore.read(output).flatMap(Manifest::qc).filter(r -> sound(tree, r)).map(r -> output);
    }

    /** The verdict line of an earlier QC failure of this asset, if it is quarantined for one. */
    static Optional<String> qcFailed(ContentTree tree, AssetId id) {
        return ManifestStore.read(tree.dir(ContentTree.Area.FAILED, id)).flatMap(Manifest::qc)
                .filter(r -> r.status() == StageStatus.FAILED).map(r -> r.error().orElse("QC failed"));
    }

    private static boolean sound(ContentTree tree, StageRecord<?> record) {
        return record.status() == StageStatus.SUCCEEDED && verify(tree, record.outputs());
    }

    /** Every file is present under the root with its recorded size and SHA-256 (sizes first: cheap). */
    static boolean verify(ContentTree tree, List<FileRecord> files) {
        try {
            for (FileRecord f : files) {
                Path p = tree.root().resolve(f.path());
                if (!Files.isRegularFile(p) || Files.size(p) != f.size()) return false;
            }
            for (FileRecord f : files) {
                if (!HashingCopy.hash(tree.root().resolve(f.path())).sha256().equals(f.sha256())) return false;
            }
            return !files.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
