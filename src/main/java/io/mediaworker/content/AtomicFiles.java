package io.mediaworker.content;

import io.mediaworker.model.TransientException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes small files (manifests, reports) whole or not at all: temp name, flush, rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes beside the target under a hidden temporary name (for folders outside the content tree). */
    public static void write(Path target, byte[] bytes) {
        write(target, bytes, target.getParent());
    }

    /** Writes via a temporary file in {@code tempDir}, which must be on the target's file system. */
    public static void write(Path target, byte[] bytes, Path tempDir) {
        Path tmp = tempDir.resolve(TempOwner.self().name("." + target.getFileName() + ".tmp"));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The original error is the one worth reporting.
            }
            throw ContentTree.storageFault("cannot write " + target, e);
        }
    }

    public static void writeJson(Path target, Object value, Path tempDir) {
        try {
            write(target, Json.MAPPER.writeValueAsBytes(value), tempDir);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TransientException("cannot serialise " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
