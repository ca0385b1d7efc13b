package io.mediaworker.content;

import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The content tree of DESIGN.md: {@code ingest/}, {@code transcode/}, {@code output/},
 * {@code failed/} and the private {@code .work/}. Every path it hands out stays under the root;
 * a stage folder reached through a symbolic link that leads outside is refused.
 *
 * <p>Stages build their results in a staging folder under {@code .work/} (same file system) and
 * {@link #publish publish} it with one rename, so a stage folder only ever shows complete results.
 */
public final class ContentTree {
    public enum Area {
        INGEST("ingest"), TRANSCODE("transcode"), OUTPUT("output"), FAILED("failed");
        final String folder;
        Area(String folder) { this.folder = folder; }
    }

    private final Path root;

    public ContentTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() { return root; }

    /** Creates the root's folders if needed and checks the root is usable. */
    public ContentTree prepare() {
        if (Files.exists(root) && !Files.isDirectory(root)) { // a setting to fix, not a fault to retry
            throw new io.mediaworker.model.UsageException("content root " + root + " is not a folder (check --content-root / CONTENT_ROOT)");
        }
        try {
            Files.createDirectories(root);
            for (Area a : Area.values()) Files.createDirectories(root.resolve(a.folder));
            Files.createDirectories(work());
        } catch (IOException e) {
            throw new TransientException("content root " + root + " is not writable: " + describe(e), e);
        }
        removeOrphans(work());
        return this;
    }

    /**
     * Deletes the temporaries in {@code folder} whose owner is gone (see {@link TempOwner}): what a
     * run killed with SIGKILL, or lost with its instance, left behind. Untagged entries (leases,
     * anything not ours) are left alone.
     */
    public static int removeOrphans(Path folder) {
        TempOwner self = TempOwner.self();
        java.time.Instant now = java.time.Instant.now();
        int removed = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (TempOwner.parse(name).isEmpty()) continue;
                try {
                    if (self.isOrphan(name, lastChange(p), now)) {
                        deleteRecursively(p);
                        removed++;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // Gone already (another worker swept it) or unreadable: the next sweep tries again.
                }
            }
        } catch (IOException e) {
            throw storageFault("cannot list " + folder, e);
        }
        return removed;
    }

    /** The newest modification time of a file or of anything under a folder. */
    private static java.time.Instant lastChange(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.map(f -> {
                try {
                    return Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElse(java.time.Instant.EPOCH);
        }
    }

    public Path dir(Area area, AssetId id) {
        return checked(root.resolve(area.folder).resolve(id.value()));
    }

    public Path work() { return root.resolve(".work"); }

    /** A fresh private folder under {@code .work/} for one stage run. */
    public Path newStaging(String stage, String label) {
        Path dir = work().resolve(TempOwner.self().name(stage + "-" + label));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw storageFault("cannot create " + dir, e);
        }
    }

    /**
     * Makes {@code staging} visible as the asset's folder in {@code area} with one atomic rename.
     * An older folder there is first moved aside into {@code .work/} and then deleted.
     */
    public Path publish(Path staging, Area area, AssetId id) {
        Path target = dir(area, id);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path aside = work().resolve(TempOwner.self().name("replaced-" + area.folder + "-" + id.value()));
                move(target, aside);
                move(staging, target);
                deleteRecursively(aside);
            } else {
                move(staging, target);
            }
            return target;
        } catch (IOException e) {
            throw storageFault("cannot publish " + target, e);
        }
    }

    /** Takes an asset's folder out of an area (one rename out of sight, then deletion); false when there was none. */
    public boolean withdraw(Area area, AssetId id) {
        Path target = dir(area, id);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return false;
        Path aside = work().resolve(TempOwner.self().name("withdrawn-" + area.folder + "-" + id.value()));
        try {
            move(target, aside);
        } catch (IOException e) {
            throw storageFault("cannot remove " + target, e);
        }
        deleteRecursively(aside);
        return true;
    }

    /** Moves one file within the tree (a rename, never a copy). */
    public void moveFile(Path from, Path to) {
        try {
            move(from, to);
        } catch (IOException e) {
            throw storageFault("cannot move " + from + " to " + to, e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Storage faults are transient (exit 4): a full disk, a flaky NFS mount. */
    public static TransientException storageFault(String what, IOException e) {
        return new TransientException(what + ": " + describe(e), e);
    }

    /** An I/O failure in words a person acts on ("read-only file system"), without Java's class names. */
    public static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("No space left")) return "disk full";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder: " + message;
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + message;
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "something is already there: " + message;
        if (e instanceof java.nio.file.NotDirectoryException) return "not a folder: " + message;
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT) + (fs.getFile() != null ? ": " + fs.getFile() : "");
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("rename is not atomic between " + from + " and " + to + " (different file systems?)", e);
        }
    }

    /** Refuses a path whose existing part resolves, through links, to somewhere outside the root. */
    private Path checked(Path p) {
        Path normal = p.normalize();
        if (!normal.startsWith(root)) throw new UsageException("path escapes the content root: " + p);
        try {
            Path realRoot = root.toRealPath();
            Path existing = normal;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            if (existing != null && existing.startsWith(root) && !existing.toRealPath().startsWith(realRoot)) {
                throw new UsageException("refusing " + p + ": a symbolic link leads outside the content root");
            }
        } catch (IOException e) {
            throw storageFault("cannot resolve " + p, e);
        }
        return normal;
    }
}
