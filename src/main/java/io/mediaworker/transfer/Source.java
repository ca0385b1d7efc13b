package io.mediaworker.transfer;

import java.io.IOException;
import java.io.InputStream;

/** Where a source comes from. Local files today; S3 objects plug in here. */
public interface Source {

    /** The location as the user gave it, recorded in the manifest. */
    String location();

    /** The original file name, for the stored copy's extension and the manifest. */
    String fileName();

    /** Opens the bytes for one read pass. */
    InputStream open() throws IOException;
}
