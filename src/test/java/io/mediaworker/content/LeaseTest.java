package io.mediaworker.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether a lease is live or abandoned is a function of the lease, the clock and the grace alone. */
class LeaseTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final LeaseOwner ME = new LeaseOwner("me-1", "host-a", 1);

    @Test
    void liveUntilItsExpiryAbandonedOnlyAfterTheGrace() {
        Lease l = Lease.grant(ME, T0, Duration.ofSeconds(60));
        assertEquals(T0.plusSeconds(60), l.expiresAt());
        assertTrue(l.liveAt(T0.plusSeconds(59)));
        assertFalse(l.liveAt(T0.plusSeconds(60)));
        Duration grace = Duration.ofSeconds(5);
        assertFalse(l.abandonedAt(T0.plusSeconds(65), grace), "expired but within the grace: a renewal may be in flight");
        assertTrue(l.abandonedAt(T0.plusSeconds(65).plusMillis(1), grace));
    }

    @Test
    void renewalKeepsTheGenerationAndMovesTheExpiry() {
        Lease l = Lease.grant(ME, T0, Duration.ofSeconds(60));
        Lease r = l.renewedAt(T0.plusSeconds(20), Duration.ofSeconds(60));
        assertTrue(r.sameGeneration(l));
        assertEquals(T0.plusSeconds(80), r.expiresAt());
        assertFalse(Lease.grant(ME, T0.plusSeconds(1), Duration.ofSeconds(60)).sameGeneration(l), "a new claim by the same owner is a new generation");
    }

    @Test
    void theGraceIsATenthOfTheTtlAtMostFiveSeconds() {
        assertEquals(Duration.ofSeconds(3), LeaseStore.graceFor(Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(5), LeaseStore.graceFor(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(5), LeaseStore.graceFor(Duration.ofMinutes(10)));
    }
}
