package io.mediaworker.content;

import java.time.Duration;
import java.time.Instant;

/**
 * What a lease file holds: who claimed an asset and until when. A generation is one owner's claim
 * ({@code owner} + {@code acquiredAt}); renewals keep the generation and move {@code expiresAt}.
 */
public record Lease(String owner, String host, long pid, Instant acquiredAt, Instant expiresAt) {

    public static Lease grant(LeaseOwner who, Instant now, Duration ttl) {
        return new Lease(who.id(), who.host(), who.pid(), now, now.plus(ttl));
    }

    public Lease renewedAt(Instant now, Duration ttl) {
        return new Lease(owner, host, pid, acquiredAt, now.plus(ttl));
    }

    /**
     * Another worker may take the lease over only once it is past its expiry by more than
     * {@code grace}: a renewal the owner started just before expiry lands within the grace, and
     * the hosts' clocks are assumed to agree within it.
     */
    public boolean abandonedAt(Instant now, Duration grace) {
        return now.isAfter(expiresAt.plus(grace));
    }

    /** The owner itself stops renewing (and leaves the file for a takeover) once it has expired. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public boolean sameGeneration(Lease other) {
        return owner.equals(other.owner) && acquiredAt.equals(other.acquiredAt);
    }
}
