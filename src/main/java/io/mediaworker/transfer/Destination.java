package io.mediaworker.transfer;

import io.mediaworker.manifest.FileRecord;
import io.mediaworker.model.AssetId;
import java.nio.file.Path;
import java.util.List;

/** Where deliveries go. A local folder today; S3 plugs in here. */
public interface Destination {

    /** The destination as the user gave it, recorded in the manifest. */
    String describe();

    /**
     * Delivers the files for one asset so that each appears whole or not at all, and returns what
     * is now there, each with the SHA-256 read back from the destination.
     */
    List<FileRecord> deliver(AssetId id, List<Path> files);
}
