package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.content.LeaseOwner;
import io.mediaworker.content.LeaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background renewal on real files and the real clock, with a short time to live. */
class LeaseRenewerTest {
    /** Short, but long enough that a loaded 2-core box renews in time (renewal every third of it). */
    private static final Duration TTL = Duration.ofMillis(2000);
    @TempDir Path dir;

    private LeaseStore store(String who) {
        return new LeaseStore(dir, new LeaseOwner(who, "h", 1), Clock.systemUTC(), TTL);
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstExpiryAndIsReleasedOnClose() throws Exception {
        LeaseStore mine = store("me");
        mine.tryAcquire("warm-up").ifPresent(mine::release); // JSON classes loaded before the clock matters
        LeaseStore.Held held = mine.tryAcquire("k").orElseThrow();
        CountDownLatch lost = new CountDownLatch(1);
        try (LeaseRenewer renewer = new LeaseRenewer(mine, held, lost::countDown)) {
            Thread.sleep(TTL.multipliedBy(2).plusMillis(500).toMillis());
            assertFalse(renewer.lost());
            assertTrue(store("other").tryAcquire("k").isEmpty(), "still ours two lifetimes later");
            Instant expires = mine.peek("k").orElseThrow().expiresAt();
            assertTrue(expires.isAfter(held.lease().expiresAt().plus(TTL)), "expiry moved on: " + expires);
        }
        assertEquals(1, lost.getCount(), "never reported lost");
        assertFalse(Files.exists(dir.resolve("k.lease")), "released");
    }

    @Test
    void aLeaseTakenByAnotherWorkerIsReportedLostAndNotReleased() throws Exception {
        LeaseStore mine = store("me");
        LeaseStore.Held held = mine.tryAcquire("k").orElseThrow();
        CountDownLatch lost = new CountDownLatch(1);
        try (LeaseRenewer renewer = new LeaseRenewer(mine, held, lost::countDown)) {
            Files.delete(dir.resolve("k.lease")); // as if it had expired and been taken over
            assertTrue(store("taker").tryAcquire("k").isPresent());
            assertTrue(lost.await(5, TimeUnit.SECONDS), "the owner learns it lost the claim");
            assertTrue(renewer.lost());
        }
        assertEquals("taker", store("reader").peek("k").orElseThrow().owner(), "the taker's lease survives the old owner's close");
    }
}
