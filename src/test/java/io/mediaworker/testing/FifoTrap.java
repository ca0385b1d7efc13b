package io.mediaworker.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A named pipe that tells whether anyone opened it for reading: a bait for media that points
 * ffmpeg at local files. (Access times cannot tell: most mounts are relatime or noatime.) A thread
 * waits to open the write end, which blocks until a reader opens the other; the reader then sees
 * an empty file. {@link #close()} opens the read end itself, after marking that it is doing so;
 * ask {@link #wasOpened()} after the program under test has ended.
 */
public final class FifoTrap implements AutoCloseable {
    private final Path fifo;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final Thread writer;

    public FifoTrap(Path fifo) {
        this.fifo = fifo;
        ExternalProgram.check(List.of("mkfifo", fifo.toString()), 10);
        writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                if (!closing.get()) opened.set(true);
            } catch (IOException e) {
                // The reader went away before we wrote anything: it still opened the pipe.
                if (!closing.get()) opened.set(true);
            }
        }, "fifo-trap");
        writer.setDaemon(true);
        writer.start();
    }

    public Path path() { return fifo; }

    /** Whether something other than this trap opened the pipe for reading (waits briefly for the writer to notice). */
    public boolean wasOpened() {
        try {
            writer.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return opened.get();
    }

    /** Re-arms the trap after a reader opened it (for the tests that check the bait works). */
    public static FifoTrap rearm(FifoTrap old) {
        old.close();
        try {
            Files.deleteIfExists(old.fifo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FifoTrap(old.fifo);
    }

    @Override
    public void close() {
        try {
            writer.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing.set(true);
        if (writer.isAlive()) {
            try (var in = Files.newInputStream(fifo)) {
                in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
