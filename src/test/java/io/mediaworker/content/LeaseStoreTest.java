package io.mediaworker.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases on a real folder: who wins, what the file holds, renewal, release, and takeover races. */
class LeaseStoreTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    @TempDir Path dir;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        volatile Instant now;

        HandClock(Instant start) { this.now = start; }

        void advance(Duration d) { now = now.plus(d); }

        @Override public Instant instant() { return now; }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    private LeaseStore store(String who, Clock clock) {
        return new LeaseStore(dir, new LeaseOwner(who, "host-" + who, 100), clock, TTL);
    }

    @Test
    void theFirstClaimWinsAndTheFileSaysWhoAndUntilWhen() throws Exception {
        HandClock clock = new HandClock(T0);
        Optional<LeaseStore.Held> a = store("a", clock).tryAcquire("asset1");
        assertTrue(a.isPresent());
        assertEquals(Optional.empty(), store("b", clock).tryAcquire("asset1"), "a live lease is exclusive");

        JsonNode json = Json.MAPPER.readTree(dir.resolve("asset1.lease").toFile());
        assertEquals("a", json.path("owner").asText());
        assertEquals("host-a", json.path("host").asText());
        assertEquals(100, json.path("pid").asLong());
        assertEquals(T0.plus(TTL), Instant.parse(json.path("expiresAt").asText()));
        assertEquals(List.of("asset1.lease"), names(), "no temporary left beside it");
    }

    @Test
    void renewalMovesTheExpiryAndKeepsOthersOut() {
        HandClock clock = new HandClock(T0);
        LeaseStore a = store("a", clock);
        LeaseStore.Held held = a.tryAcquire("x").orElseThrow();
        clock.advance(Duration.ofSeconds(20));
        held = a.renew(held).orElseThrow();
        assertEquals(T0.plus(Duration.ofSeconds(50)), held.lease().expiresAt());
        clock.advance(Duration.ofSeconds(25)); // 45 s after the claim: past the first expiry, not the renewed one
        assertEquals(Optional.empty(), store("b", clock).tryAcquire("x"));
    }

    @Test
    void releaseFreesTheKeyAtOnce() {
        HandClock clock = new HandClock(T0);
        LeaseStore a = store("a", clock);
        assertTrue(a.release(a.tryAcquire("x").orElseThrow()));
        assertTrue(store("b", clock).tryAcquire("x").isPresent());
    }

    @Test
    void anExpiredLeaseIsTakenOverOnlyAfterTheGrace() throws Exception {
        HandClock clock = new HandClock(T0);
        LeaseStore a = store("a", clock);
        LeaseStore.Held held = a.tryAcquire("x").orElseThrow();
        clock.advance(TTL.plusSeconds(1)); // expired, within the grace (3 s for 30 s)
        assertEquals(Optional.empty(), store("b", clock).tryAcquire("x"));
        clock.advance(Duration.ofSeconds(3));
        LeaseStore.Held taken = store("b", clock).tryAcquire("x").orElseThrow();
        assertEquals("b", taken.lease().owner());
        assertEquals(Optional.empty(), a.renew(held), "the old owner finds its lease lost");
        assertFalse(a.release(held), "and cannot delete the new owner's");
        assertEquals("b", store("c", clock).peek("x").orElseThrow().owner());
        assertEquals(List.of("x.lease"), names(), "no marker or buried lease left behind");
    }

    @Test
    void aLeaseWrittenByAnotherHostWithAPastExpiryIsTakenOver() throws Exception {
        Files.writeString(dir.resolve("y.lease"), "{\"owner\":\"gone-1\",\"host\":\"spot-17\",\"pid\":4242,"
                + "\"acquiredAt\":\"2026-12-04T08:00:00Z\",\"expiresAt\":\"2026-12-04T08:01:00Z\"}", StandardCharsets.UTF_8);
        assertEquals("b", store("b", new HandClock(T0)).tryAcquire("y").orElseThrow().lease().owner());
    }

    @Test
    void anUnreadableLeaseCountsFromItsModificationTime() throws Exception {
        Path file = dir.resolve("z.lease");
        Files.writeString(file, "{not json", StandardCharsets.UTF_8);
        Instant written = Files.getLastModifiedTime(file).toInstant();
        assertEquals(Optional.empty(), store("b", new HandClock(written.plusSeconds(5))).tryAcquire("z"));
        assertTrue(store("b", new HandClock(written.plus(TTL).plusSeconds(10))).tryAcquire("z").isPresent());
    }

    @Test
    void debrisOfDeadWorkersIsSweptAndLiveLeasesKept() throws Exception {
        HandClock clock = new HandClock(Instant.now());
        LeaseStore s = store("a", clock);
        s.tryAcquire("live").orElseThrow();
        Path oldTemp = Files.writeString(dir.resolve(".x.lease.tmp-1234abcd"), "{", StandardCharsets.UTF_8);
        Path oldTomb = Files.writeString(dir.resolve("x.stale-0f0f"), "{", StandardCharsets.UTF_8);
        Path freshTemp = Files.writeString(dir.resolve(".y.lease.tmp-5678abcd"), "{", StandardCharsets.UTF_8);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(oldTemp, old);
        Files.setLastModifiedTime(oldTomb, old);
        Files.writeString(dir.resolve("z.takeover-aa"), "{\"owner\":\"t\",\"host\":\"h\",\"pid\":1,\"acquiredAt\":\""
                + clock.instant().minusSeconds(600) + "\",\"expiresAt\":\"" + clock.instant().minusSeconds(500) + "\"}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("w.takeover-bb"), "{\"owner\":\"t\",\"host\":\"h\",\"pid\":1,\"acquiredAt\":\""
                + clock.instant() + "\",\"expiresAt\":\"" + clock.instant().plusSeconds(30) + "\"}", StandardCharsets.UTF_8);

        assertEquals(3, s.sweepDebris(Duration.ofHours(1)));
        assertEquals(List.of(".y.lease.tmp-5678abcd", "live.lease", "w.takeover-bb"), names());
    }

    /** Eight workers judge the same lease dead at the same instant: exactly one gets it. */
    @RepeatedTest(20)
    void concurrentTakeoversOfOneStaleLeaseHaveOneWinner() throws Exception {
        HandClock clock = new HandClock(T0);
        store("dead", clock).tryAcquire("k").orElseThrow();
        clock.advance(TTL.multipliedBy(2));
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Optional<LeaseStore.Held>>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                LeaseStore s = store("w" + i, clock);
                results.add(pool.submit(() -> {
                    start.await();
                    return s.tryAcquire("k");
                }));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<Optional<LeaseStore.Held>> f : results) f.get().ifPresent(h -> winners.add(h.lease().owner()));
            assertEquals(1, winners.size(), "winners: " + winners);
            assertEquals(winners.get(0), store("reader", clock).peek("k").orElseThrow().owner(), "the file names the winner");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same for fresh claims: many workers, no lease yet. */
    @RepeatedTest(20)
    void concurrentFirstClaimsHaveOneWinner() throws Exception {
        HandClock clock = new HandClock(T0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<LeaseStore.Held>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LeaseStore s = store("w" + i, clock);
                results.add(pool.submit(() -> {
                    start.await();
                    return s.tryAcquire("k");
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<LeaseStore.Held>> f : results) winners += f.get().isPresent() ? 1 : 0;
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
