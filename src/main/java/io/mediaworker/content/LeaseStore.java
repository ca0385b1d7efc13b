package io.mediaworker.content;

import io.mediaworker.model.AssetId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Exclusive leases, one file per key in one folder ({@code .work/leases/<stage>/<key>.lease}),
 * shared by every worker that mounts the content tree. Thread-safe: all state is on disk.
 *
 * <p>Rules: a lease is created only where none exists; only its owner renews it (rename of a new
 * copy over it) and releases it (delete), and neither once it has expired; anyone may take it
 * over once it is past expiry by the grace. A takeover is serialised per stale generation by a
 * marker file only one worker can create, so two workers that both judged a lease dead cannot
 * both replace it.
 */
public final class LeaseStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LeaseStore.class);
    private static final String SUFFIX = ".lease";

    /** A lease this process holds; the file is where it lives. */
    public record Held(String key, Path file, Lease lease) {}

    private final Path dir;
    private final LeaseOwner owner;
    private final Clock clock;
    private final Duration ttl;
    private final Duration grace;

    public LeaseStore(Path dir, LeaseOwner owner, Clock clock, Duration ttl) {
        this.dir = dir;
        this.owner = owner;
        this.clock = clock;
        this.ttl = ttl;
        this.grace = graceFor(ttl);
    }

    /** A tenth of the time to live, at most 5 s: room for a renewal in flight and for clock skew between hosts. */
    static Duration graceFor(Duration ttl) {
        Duration tenth = ttl.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : tenth;
    }

    public Duration ttl() { return ttl; }

    public LeaseOwner owner() { return owner; }

    /** Claims {@code key} unless a live lease of someone else's holds it; takes over an abandoned one. */
    public Optional<Held> tryAcquire(String key) {
        AssetId.of(key); // a key is one safe path segment, like an asset id
        Path file = dir.resolve(key + SUFFIX);
        try {
            Files.createDirectories(dir);
            Optional<Held> fresh = create(key, file);
            if (fresh.isPresent()) return fresh;
            Optional<Lease> current = read(file);
            if (current.isEmpty()) return create(key, file); // released between our two looks
            if (!current.get().abandonedAt(clock.instant(), grace)) return Optional.empty();
            return takeOver(key, file, current.get());
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot claim lease " + file, e);
        }
    }

    /** Moves the expiry on; empty when the lease is no longer ours or has already expired (it is lost). */
    public Optional<Held> renew(Held held) {
        try {
            Optional<Lease> current = read(held.file());
            Instant now = clock.instant();
            if (current.isEmpty() || !current.get().sameGeneration(held.lease()) || !current.get().liveAt(now)) return Optional.empty();
            Lease renewed = current.get().renewedAt(now, ttl);
            Path tmp = writeTemp(held.key(), renewed);
            try {
                Files.move(tmp, held.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.of(new Held(held.key(), held.file(), renewed));
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot renew lease " + held.file(), e);
        }
    }

    /**
     * Deletes the lease if it is still ours and live. An expired one is left alone: another worker
     * may be taking it over this instant, and deleting then could remove its new lease.
     */
    public boolean release(Held held) {
        try {
            Optional<Lease> current = read(held.file());
            if (current.isEmpty() || !current.get().sameGeneration(held.lease()) || !current.get().liveAt(clock.instant())) return false;
            Files.deleteIfExists(held.file());
            return true;
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot release lease " + held.file(), e);
        }
    }

    /** The lease on {@code key} as it is on disk now, if any. */
    public Optional<Lease> peek(String key) {
        try {
            return read(dir.resolve(key + SUFFIX));
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read lease " + key, e);
        }
    }

    /**
     * Removes what a worker that died mid-operation can leave beside the leases: temporary lease
     * files and buried stale leases untouched for {@code idle}, and takeover markers that have
     * expired. Live leases are never touched. Returns how many entries went.
     */
    public int sweepDebris(Duration idle) {
        int removed = 0;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                try {
                    boolean debris = name.contains(".takeover-") ? read(p).filter(m -> m.abandonedAt(clock.instant(), grace)).isPresent()
                            : (name.contains(SUFFIX + ".tmp-") || name.contains(".stale-"))
                                    && clock.instant().isAfter(Files.getLastModifiedTime(p).toInstant().plus(idle));
                    if (debris && Files.deleteIfExists(p)) removed++;
                } catch (IOException e) {
                    // gone meanwhile, or unreadable: the next sweep looks again
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot list " + dir, e);
        }
        return removed;
    }

    private Optional<Held> takeOver(String key, Path file, Lease stale) throws IOException {
        Path marker = dir.resolve(key + ".takeover-" + generationDigest(stale));
        if (!createMarker(marker)) {
            clearIfAbandoned(marker);
            return Optional.empty(); // another worker is taking this generation over
        }
        try {
            Optional<Lease> again = read(file);
            if (again.isEmpty()) return create(key, file);
            if (!again.get().sameGeneration(stale)) return Optional.empty(); // it moved on without us
            // Nobody else can touch this generation now: its owner neither renews nor releases an expired
            // lease, and other takers are held off by the marker. The rename and check are a second guard.
            Path tomb = dir.resolve(key + ".stale-" + UUID.randomUUID());
            try {
                Files.move(file, tomb, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException gone) {
                return create(key, file);
            }
            Optional<Lease> buried = read(tomb);
            if (buried.isPresent() && !buried.get().sameGeneration(stale)) {
                try {
                    Files.createLink(file, tomb); // not the one we judged dead: put it back
                } catch (FileAlreadyExistsException ignored) {
                    // someone claimed the name meanwhile; the owner of the buried one will see it lost
                }
                Files.deleteIfExists(tomb);
                return Optional.empty();
            }
            Files.deleteIfExists(tomb);
            Optional<Held> mine = create(key, file);
            mine.ifPresent(h -> LOG.warn("took over the lease on {} from {} on {} (pid {}), which expired at {} without renewal",
                    key, stale.owner(), stale.host(), stale.pid(), stale.expiresAt()));
            return mine;
        } finally {
            // Safe to drop: a late taker that creates it again finds a different generation and backs off.
            Files.deleteIfExists(marker);
        }
    }

    /**
     * Creates the lease file only if none exists, whole: the content goes into a temporary file
     * first, then a hard link gives it the lease's name. On NFS v4.1 (EFS) LINK is one atomic
     * server operation that fails when the name exists, so exactly one of any number of workers
     * wins, and nobody ever sees a lease without its owner and expiry (an O_EXCL create makes the
     * name visible empty before the content is written). A retransmitted LINK whose first reply
     * was lost answers "exists" although it succeeded, hence the check of what the name holds.
     */
    private Optional<Held> create(String key, Path file) throws IOException {
        Lease mine = Lease.grant(owner, clock.instant(), ttl);
        Path tmp = writeTemp(key, mine);
        try {
            Files.createLink(file, tmp);
            return Optional.of(new Held(key, file, mine));
        } catch (FileAlreadyExistsException e) {
            Optional<Lease> there = read(file);
            return there.isPresent() && there.get().sameGeneration(mine) ? Optional.of(new Held(key, file, mine)) : Optional.empty();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The marker holds a lease of its own (the taker and an expiry), written whole like a lease,
     * so a marker left by a taker that died is judged by the same clocks and grace as leases are.
     */
    private boolean createMarker(Path marker) throws IOException {
        Lease taking = Lease.grant(owner, clock.instant(), ttl);
        Path tmp = writeTemp(marker.getFileName().toString(), taking);
        try {
            Files.createLink(marker, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return read(marker).filter(m -> m.sameGeneration(taking)).isPresent();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A marker left by a worker that died mid-takeover would block the key forever; it is cleared once it has expired. */
    private void clearIfAbandoned(Path marker) throws IOException {
        Optional<Lease> m = read(marker);
        if (m.isPresent() && m.get().abandonedAt(clock.instant(), grace)) Files.deleteIfExists(marker);
    }

    private Path writeTemp(String key, Lease lease) throws IOException {
        Path tmp = dir.resolve("." + key + SUFFIX + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(lease));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        return tmp;
    }

    /** Empty when there is no file. A file that does not parse is judged by its modification time. */
    private Optional<Lease> read(Path file) throws IOException {
        byte[] bytes;
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(bytes, Lease.class));
        } catch (IOException unreadable) {
            return Optional.of(new Lease("unreadable", "unknown", 0, modified, modified.plus(ttl)));
        }
    }

    private static String generationDigest(Lease lease) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((lease.owner() + "\n" + lease.acquiredAt()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
