package io.mediaworker.watch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name under which {@code ingest --watch} remembers one version of one source file: a digest
 * of the watched folder, the file name, its size and modification time. A file replaced by another
 * upload (new size or time) is a new version and is ingested again; the same version never is.
 * It is one safe path segment, so it names lease and ledger files.
 */
public final class SourceKey {
    private SourceKey() {}

    public static String of(String folder, FileStat file) {
        String identity = folder + "\n" + file.name() + "\n" + file.size() + "\n" + file.modified();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "src-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
