package io.mediaworker.transfer;

import io.mediaworker.manifest.DeliveredObject;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.model.AssetId;
import java.nio.file.Path;
import java.util.List;

/** Where deliveries go: a local folder ({@link LocalFolderDestination}) or an S3 prefix. */
public interface Destination {

    /** What one delivery left: each file with the SHA-256 verified there, and the objects when it is an object store. */
    record Delivered(List<FileRecord> files, List<DeliveredObject> objects) {
        public Delivered {
            files = List.copyOf(files);
            objects = List.copyOf(objects);
        }
    }

    /** The destination as the user gave it, recorded in the manifest. */
    String describe();

    /**
     * Delivers the files for one asset so that each appears whole or not at all, and returns what
     * is now there, each with the SHA-256 read back from the destination.
     */
    List<FileRecord> deliver(AssetId id, List<Path> files);

    /** {@link #deliver}, also returning the object records of an object store (none for a folder). */
    default Delivered deliverRecorded(AssetId id, List<Path> files) {
        return new Delivered(deliver(id, files), List.of());
    }
}
