package io.mediaworker.transfer;

import io.mediaworker.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A source file on a local or mounted file system. It is only ever read. */
public final class LocalFileSource implements Source {
    private final Path file;

    public LocalFileSource(Path file) {
        this.file = file.toAbsolutePath().normalize();
        if (!Files.exists(this.file)) throw new InvalidInputException("source not found: " + file);
        if (!Files.isRegularFile(this.file)) throw new InvalidInputException("source is not a regular file: " + file);
        if (!Files.isReadable(this.file)) throw new InvalidInputException("source is not readable: " + file);
    }

    @Override public String location() { return file.toString(); }

    @Override public java.util.Optional<Path> localPath() { return java.util.Optional.of(file); }

    @Override public String fileName() { return file.getFileName().toString(); }

    @Override public InputStream open() throws IOException { return Files.newInputStream(file); }
}
