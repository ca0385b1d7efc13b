package io.mediaworker.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample media in {@code ../shared/media/} beside the checkout. A plain clone has no such
 * folder: tests that need it are skipped with a message instead of failing.
 */
public final class SharedMedia {
    private SharedMedia() {}

    public static Path folder() {
        String override = System.getenv("MEDIA_WORKER_SAMPLES");
        return override != null ? Path.of(override) : Path.of("..", "shared", "media").toAbsolutePath().normalize();
    }

    public static boolean available() {
        return Files.isDirectory(folder());
    }

    /** Skips the calling test when the samples are absent. */
    public static void assumeAvailable() {
        assumeTrue(available(), "sample media not found at " + folder() + ": skipped (a plain clone has none)");
    }

    /** Every sample file (not the README), sorted by name; empty when the folder is absent. */
    public static List<Path> all() {
        if (!available()) return List.of();
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        assumeAvailable();
        Path p = folder().resolve(name);
        assumeTrue(Files.isRegularFile(p), "sample " + name + " not found: skipped");
        return p;
    }
}
