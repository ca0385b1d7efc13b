package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SightingTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFirstSightingStartsTheClockEvenForAnOldFile() {
        Sighting s = Sighting.update(null, new FileStat("a.mp4", 100, OLD), T0);
        assertEquals(T0, s.since());
        assertFalse(s.settledAt(T0.plusSeconds(29), SETTLE));
        assertTrue(s.settledAt(T0.plusSeconds(30), SETTLE));
    }

    @Test
    void unchangedLooksKeepTheClock() {
        Sighting first = Sighting.update(null, new FileStat("a.mp4", 100, OLD), T0);
        Sighting again = Sighting.update(first, new FileStat("a.mp4", 100, OLD), T0.plusSeconds(10));
        assertSame(first, again);
    }

    @Test
    void aChangedSizeOrTimeRestartsIt() {
        Sighting first = Sighting.update(null, new FileStat("a.mp4", 100, OLD), T0);
        Sighting grown = Sighting.update(first, new FileStat("a.mp4", 200, OLD), T0.plusSeconds(25));
        assertEquals(T0.plusSeconds(25), grown.since());
        assertFalse(grown.settledAt(T0.plusSeconds(40), SETTLE));
        Sighting touched = Sighting.update(grown, new FileStat("a.mp4", 200, OLD.plusSeconds(1)), T0.plusSeconds(50));
        assertEquals(T0.plusSeconds(50), touched.since(), "same size, new time: still being written");
    }
}
