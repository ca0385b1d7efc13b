package io.mediaworker.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream to a file and computes its SHA-256 in the same pass; the file is flushed to disk. */
public final class HashingCopy {
    private static final int BUFFER = 1 << 20;

    private HashingCopy() {}

    public record Result(long size, String sha256) {}

    public static Result copy(InputStream in, Path target) throws IOException {
        MessageDigest sha = sha256();
        long total = 0;
        byte[] buf = new byte[BUFFER];
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                total += n;
            }
            out.flush();
            ch.force(true);
        }
        return new Result(total, HexFormat.of().formatHex(sha.digest()));
    }

    /** Reads a file once and returns its size and SHA-256. */
    public static Result hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        long total = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                total += n;
            }
        }
        return new Result(total, HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
