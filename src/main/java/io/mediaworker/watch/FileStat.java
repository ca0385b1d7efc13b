package io.mediaworker.watch;

import java.time.Instant;

/** What one poll saw of a file in the watched folder: its name, size and modification time. */
public record FileStat(String name, long size, Instant modified) {

    /** Whether the file still looks exactly as when it was judged settled. */
    public boolean sameAs(FileStat other) {
        return name.equals(other.name) && size == other.size && modified.equals(other.modified);
    }
}
