package io.mediaworker.transfer;

import java.io.IOException;
import java.io.InputStream;

/** Where a source comes from. Local files today; S3 objects plug in here. */
public interface Source {

    /** The location as the user gave it, recorded in the manifest. */
    String location();

    /** The original file name, for the stored copy's extension and the manifest. */
    String fileName();

    /** The file, for a source on a local or mounted file system (checked against links out of the content root). */
    default java.util.Optional<java.nio.file.Path> localPath() { return java.util.Optional.empty(); }

    /** Opens the bytes for one read pass. */
    InputStream open() throws IOException;
}
