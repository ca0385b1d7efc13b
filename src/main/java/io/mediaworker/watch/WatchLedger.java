package io.mediaworker.watch;

import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What watchers of one stage remember together, one small JSON file per key in
 * {@code .work/watch/<stage>/}: source files already ingested (or refused), and assets that failed
 * for good (exit 2, 3, 5), so that no watcher takes them again. Written while the key's lease is
 * held and before it is released, so the next claimant sees it. Deleting a record makes the key
 * eligible again.
 */
final class WatchLedger {
    /**
     * @param outcome {@code ingested} or {@code failed}
     * @param inputStamp for stage failures: the input manifest as it was (modification time and size);
     *     a new input (the asset transcoded again) makes the record stale
     */
    record Entry(String key, String outcome, int exitCode, Optional<String> assetId, Optional<String> source,
                 Optional<Long> size, Optional<Instant> modified, Optional<String> sha256, Optional<String> reason,
                 Instant at, String host, Optional<String> inputStamp) {}

    private static final String SUFFIX = ".json";
    private final Path dir;
    private final ContentTree tree;

    WatchLedger(ContentTree tree, String stage) {
        this.tree = tree;
        this.dir = tree.work().resolve("watch").resolve(stage);
    }

    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX) && !n.startsWith("."))
                    .forEach(n -> keys.add(n.substring(0, n.length() - SUFFIX.length())));
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot list " + dir, e);
        }
        return keys;
    }

    Optional<Entry> read(String key) {
        try {
            return Optional.of(io.mediaworker.content.Json.MAPPER.readValue(Files.readAllBytes(dir.resolve(key + SUFFIX)), Entry.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + dir.resolve(key + SUFFIX), e);
        }
    }

    boolean has(String key) {
        return Files.exists(dir.resolve(key + SUFFIX));
    }

    void write(Entry entry) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot create " + dir, e);
        }
        AtomicFiles.writeJson(dir.resolve(entry.key() + SUFFIX), entry, tree.work());
    }
}
