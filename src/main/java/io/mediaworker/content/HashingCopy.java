package io.mediaworker.content;

import io.mediaworker.model.Termination;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a stream to a file and computes its SHA-256 in the same read pass; the file is flushed
 * to disk before the copy returns.
 *
 * <p>The copy is pipelined so that one pass costs about as much as its slowest part rather than
 * the sum of them: this thread reads and writes, a second thread hashes the chunks in order, and
 * a third asks the kernel to write back what has been written so far, so that the final
 * {@code fsync} finds little left to flush. Chunks are reused only once hashed.
 */
public final class HashingCopy {
    private static final int CHUNK = 4 << 20;
    private static final int CHUNKS_IN_FLIGHT = 4;
    private static final long WRITE_BACK_EVERY = 64L << 20;

    private HashingCopy() {}

    public record Result(long size, String sha256) {}

    public static Result copy(InputStream in, Path target) throws IOException {
        MessageDigest sha = sha256();
        ExecutorService hasher = Executors.newSingleThreadExecutor(daemon("sha256"));
        ExecutorService flusher = Executors.newSingleThreadExecutor(daemon("write-back"));
        Deque<InFlight> inFlight = new ArrayDeque<>();
        Future<?> writeBack = null;
        long total = 0;
        long sinceWriteBack = 0;
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                Termination.check("copying to " + target.getFileName());
                byte[] chunk = inFlight.size() < CHUNKS_IN_FLIGHT ? new byte[CHUNK] : awaitOldest(inFlight);
                int n = in.readNBytes(chunk, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                inFlight.add(new InFlight(chunk, hasher.submit(() -> sha.update(chunk, 0, n))));
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                total += n;
                sinceWriteBack += n;
                if (sinceWriteBack >= WRITE_BACK_EVERY && (writeBack == null || writeBack.isDone())) {
                    writeBack = flusher.submit(() -> forceQuietly(ch));
                    sinceWriteBack = 0;
                }
            }
            while (!inFlight.isEmpty()) {
                awaitOldest(inFlight);
            }
            if (writeBack != null) {
                await(writeBack);
            }
            ch.force(true);
        } finally {
            hasher.shutdownNow();
            flusher.shutdownNow();
        }
        return new Result(total, HexFormat.of().formatHex(sha.digest()));
    }

    /** Reads a file once and returns its size and SHA-256. */
    public static Result hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        long total = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                total += n;
            }
        }
        return new Result(total, HexFormat.of().formatHex(sha.digest()));
    }

    private record InFlight(byte[] chunk, Future<?> hashed) {}

    private static byte[] awaitOldest(Deque<InFlight> inFlight) throws IOException {
        InFlight oldest = inFlight.removeFirst();
        await(oldest.hashed());
        return oldest.chunk();
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } catch (ExecutionException e) {
            throw new IOException("copy failed: " + e.getCause(), e.getCause());
        }
    }

    /** An early write-back is only a head start for the final fsync; its failure shows there. */
    private static void forceQuietly(FileChannel ch) {
        try {
            ch.force(false);
        } catch (IOException ignored) {
            // the final force(true) reports the same fault
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "copy-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
