package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagePlannerTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    /** a: only ingested; b: transcoded; c, e: passed QC; d: failed; f: failed QC, then transcoded again. */
    private static final ContentSnapshot TREE = new ContentSnapshot(Set.of("a", "b", "c", "d", "e", "f"), Set.of("b", "f"),
            Set.of("c", "e"), Set.of("d", "f"));

    private static List<String> plan(WatchedStage stage, Set<String> finished, Set<String> failures, Backoff backoff) {
        return StagePlanner.plan(stage, TREE, finished, failures, backoff, T0).ready();
    }

    @Test
    void transcodeTakesWhatHasNoLadderAnywhere() {
        assertEquals(List.of("a"), plan(WatchedStage.TRANSCODE, Set.of(), Set.of(), Backoff.none()));
    }

    @Test
    void qcTakesLaddersNotYetJudgedAndNewLaddersOfFailedAssets() {
        assertEquals(List.of("b", "f"), plan(WatchedStage.QC, Set.of(), Set.of(), Backoff.none()));
    }

    @Test
    void deliverTakesOutputsNotYetDeliveredHere() {
        assertEquals(List.of("c", "e"), plan(WatchedStage.DELIVER, Set.of(), Set.of(), Backoff.none()));
        assertEquals(List.of("e"), plan(WatchedStage.DELIVER, Set.of("c"), Set.of(), Backoff.none()));
    }

    @Test
    void recordedFailuresAreSkippedAndBackedOffOnesDeferred() {
        assertEquals(List.of(), plan(WatchedStage.TRANSCODE, Set.of(), Set.of("a"), Backoff.none()));
        Round<String> r = StagePlanner.plan(WatchedStage.QC, TREE, Set.of(), Set.of(),
                Backoff.none().failed("b", T0, Duration.ofSeconds(10)), T0.plusSeconds(5));
        assertEquals(List.of("f"), r.ready());
        assertEquals(1, r.deferred());
        assertEquals(0, r.waiting(), "the tree's work never settles by itself");
    }
}
