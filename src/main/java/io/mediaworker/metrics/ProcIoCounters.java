package io.mediaworker.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code rchar} and {@code wchar} from a Linux {@code /proc/<pid>/io} file; empty when it is missing or unreadable. */
final class ProcIoCounters implements IoCounters {
    private final Path file;

    ProcIoCounters(Path file) {
        this.file = file;
    }

    @Override
    public Optional<Snapshot> read() {
        try {
            long read = -1, written = -1;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.startsWith("rchar:")) read = Long.parseLong(line.substring(6).trim());
                if (line.startsWith("wchar:")) written = Long.parseLong(line.substring(6).trim());
            }
            return read < 0 || written < 0 ? Optional.empty() : Optional.of(new Snapshot(read, written));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or /proc not mounted: no byte figures rather than a failed stage
        }
    }
}
