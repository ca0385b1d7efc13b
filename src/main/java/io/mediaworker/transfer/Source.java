package io.mediaworker.transfer;

import io.mediaworker.content.HashingCopy;
import io.mediaworker.manifest.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where a source comes from: a local file ({@link LocalFileSource}) or an S3 object. */
public interface Source {

    /** The location as the user gave it, recorded in the manifest. */
    String location();

    /** The original file name, for the stored copy's extension and the manifest. */
    String fileName();

    /** The file, for a source on a local or mounted file system (checked against links out of the content root). */
    default java.util.Optional<java.nio.file.Path> localPath() { return java.util.Optional.empty(); }

    /** Opens the bytes for one read pass. */
    InputStream open() throws IOException;

    /**
     * Copies the bytes into {@code target} (a new file), verified as the source allows, and returns
     * their size and SHA-256. By default one read pass of {@link #open()}.
     */
    default HashingCopy.Result copyTo(Path target) throws IOException {
        try (InputStream in = open()) {
            return HashingCopy.copy(in, target);
        }
    }

    /** The exact object this source is, when it lives in an object store; looked up before any copy. */
    default Optional<SourceObject> object() {
        return Optional.empty();
    }
}
