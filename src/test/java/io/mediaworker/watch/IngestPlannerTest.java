package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestPlannerTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String DIR = "/incoming";
    private static final FileStat A = new FileStat("a.mp4", 1000, Instant.parse("2026-12-04T09:00:00Z"));
    private static final FileStat B = new FileStat("b.mov", 2000, Instant.parse("2026-12-04T08:00:00Z"));

    private static List<String> names(IngestPlanner.Plan p) {
        return p.round().ready().stream().map(c -> c.file().name()).toList();
    }

    @Test
    void filesWaitForTheSettleTimeThenComeOldestFirst() {
        IngestPlanner.Plan first = IngestPlanner.plan(DIR, List.of(A, B), Map.of(), Set.of(), Backoff.none(), T0, SETTLE);
        assertEquals(List.of(), names(first));
        assertEquals(2, first.round().waiting());
        IngestPlanner.Plan later = IngestPlanner.plan(DIR, List.of(A, B), first.sightings(), Set.of(), Backoff.none(), T0.plus(SETTLE), SETTLE);
        assertEquals(List.of("b.mov", "a.mp4"), names(later));
        assertEquals(0, later.round().waiting());
    }

    @Test
    void aGrowingFileKeepsWaiting() {
        IngestPlanner.Plan p = IngestPlanner.plan(DIR, List.of(A), Map.of(), Set.of(), Backoff.none(), T0, SETTLE);
        for (int i = 1; i <= 5; i++) {
            FileStat grown = new FileStat("a.mp4", 1000 + i * 500, A.modified().plusSeconds(i * 20));
            p = IngestPlanner.plan(DIR, List.of(grown), p.sightings(), Set.of(), Backoff.none(), T0.plusSeconds(i * 20), SETTLE);
            assertEquals(List.of(), names(p), "still growing at look " + i);
            assertEquals(1, p.round().waiting());
        }
    }

    @Test
    void temporaryNamesAndRecordedVersionsAreNeverTaken() {
        FileStat part = new FileStat("c.mp4.part", 5, T0);
        FileStat hidden = new FileStat(".d.mp4", 5, T0);
        FileStat placeholder = new FileStat("e.mp4", 0, T0);
        Set<String> recorded = Set.of(SourceKey.of(DIR, A));
        IngestPlanner.Plan first = IngestPlanner.plan(DIR, List.of(A, B, part, hidden, placeholder), Map.of(), recorded, Backoff.none(), T0, SETTLE);
        assertEquals(1, first.round().waiting(), "only b.mov is undecided (an empty file is not waited for)");
        assertEquals(Set.of("b.mov"), first.sightings().keySet());
        IngestPlanner.Plan later = IngestPlanner.plan(DIR, List.of(A, B, part, hidden), first.sightings(), recorded, Backoff.none(),
                T0.plus(SETTLE), SETTLE);
        assertEquals(List.of("b.mov"), names(later));
    }

    @Test
    void aReplacedFileIsANewVersion() {
        FileStat replaced = new FileStat("a.mp4", 1000, A.modified().plusSeconds(60));
        assertNotEquals(SourceKey.of(DIR, A), SourceKey.of(DIR, replaced));
        assertNotEquals(SourceKey.of(DIR, A), SourceKey.of("/other", A));
        assertEquals(SourceKey.of(DIR, A), SourceKey.of(DIR, new FileStat("a.mp4", 1000, A.modified())));
    }

    @Test
    void aTransientFailureDefersTheFileUntilItsBackoffPasses() {
        Backoff b = Backoff.none().failed(SourceKey.of(DIR, A), T0, Duration.ofSeconds(40));
        IngestPlanner.Plan first = IngestPlanner.plan(DIR, List.of(A), Map.of(), Set.of(), b, T0.minus(SETTLE), SETTLE);
        IngestPlanner.Plan p = IngestPlanner.plan(DIR, List.of(A), first.sightings(), Set.of(), b, T0.plusSeconds(10), SETTLE);
        assertEquals(List.of(), names(p));
        assertEquals(1, p.round().deferred());
        assertEquals(List.of("a.mp4"), names(IngestPlanner.plan(DIR, List.of(A), first.sightings(), Set.of(), b, T0.plusSeconds(40), SETTLE)));
    }
}
