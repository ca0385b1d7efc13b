package io.mediaworker.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who made a temporary file or staging folder, written into its name as
 * {@code ~host~pidNamespace~pid~random} so that a later run can tell an orphan (its owner died:
 * SIGKILL, a lost Spot instance) from the work of a live process.
 *
 * <p>A process can only be asked about when it is in our own PID namespace on our own host:
 * containers on one host share a host name under host networking but not their PID numbers. So
 * an owner on this host and in this namespace is gone exactly when its pid is; any other owner
 * (another EFS client, another container) is taken as gone only once nothing under its temporary
 * has changed for {@link #FOREIGN_IDLE}: every live stage writes its temporaries continuously
 * (a copy, an encode) or holds them for seconds (manifests, reports).
 */
public record TempOwner(String host, String pidNamespace, long pid) {
    public static final Duration FOREIGN_IDLE = Duration.ofHours(1);
    private static final char SEP = '~';
    private static final TempOwner SELF = new TempOwner(sanitise(HostName.get()), readPidNamespace(), ProcessHandle.current().pid());

    public static TempOwner self() { return SELF; }

    /** A fresh name for a temporary: {@code prefix~host~ns~pid~random}. */
    public String name(String prefix) {
        return prefix + SEP + host + SEP + pidNamespace + SEP + pid + SEP + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The owner written in a temporary's name, if it has one. */
    public static Optional<TempOwner> parse(String fileName) {
        String[] parts = fileName.split(String.valueOf(SEP), -1);
        if (parts.length < 5) return Optional.empty();
        int n = parts.length;
        try {
            return Optional.of(new TempOwner(parts[n - 4], parts[n - 3], Long.parseLong(parts[n - 2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the temporary named {@code fileName}, last changed at {@code lastChange}, belongs to nobody alive. */
    public boolean isOrphan(String fileName, Instant lastChange, Instant now) {
        Optional<TempOwner> owner = parse(fileName);
        if (owner.isEmpty()) return Duration.between(lastChange, now).compareTo(FOREIGN_IDLE) > 0;
        TempOwner o = owner.get();
        if (o.equals(this)) return false;
        if (o.host.equals(host) && o.pidNamespace.equals(pidNamespace)) return ProcessHandle.of(o.pid).isEmpty();
        return Duration.between(lastChange, now).compareTo(FOREIGN_IDLE) > 0;
    }

    private static String readPidNamespace() {
        try {
            // "pid:[4026531836]": the namespace's inode number tells containers on one host apart.
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return link.replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "0";
        }
    }

    private static String sanitise(String host) {
        String s = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return s.isEmpty() ? "unknown" : s;
    }

    /** The host name without a DNS lookup when the environment already says it (containers do). */
    static final class HostName {
        private HostName() {}

        static String get() {
            String h = System.getenv("HOSTNAME");
            if (h != null && !h.isBlank()) return h;
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "unknown";
            }
        }
    }
}
