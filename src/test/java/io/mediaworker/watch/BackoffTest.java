package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.ExitCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration BASE = Duration.ofSeconds(10);

    @Test
    void eachFailureDoublesTheWaitUpToTenMinutes() {
        Backoff b = Backoff.none().failed("a", T0, BASE);
        assertFalse(b.readyAt("a", T0.plusSeconds(9)));
        assertTrue(b.readyAt("a", T0.plusSeconds(10)));
        b = b.failed("a", T0, BASE);
        assertEquals(T0.plusSeconds(20), b.entries().get("a").notBefore());
        for (int i = 0; i < 30; i++) b = b.failed("a", T0, BASE);
        assertEquals(T0.plus(Backoff.MAX), b.entries().get("a").notBefore());
        assertTrue(b.readyAt("other", T0), "other keys are not held back");
    }

    @Test
    void successClearsIt() {
        Backoff b = Backoff.none().failed("a", T0, BASE).cleared("a");
        assertTrue(b.readyAt("a", T0));
        assertFalse(b.contains("a"));
    }

    @Test
    void exitCodesDecideWhatHappensNext() {
        assertEquals(Disposition.DONE, Disposition.of(ExitCode.OK));
        assertEquals(Disposition.PERMANENT, Disposition.of(ExitCode.USAGE));
        assertEquals(Disposition.PERMANENT, Disposition.of(ExitCode.INVALID_INPUT));
        assertEquals(Disposition.PERMANENT, Disposition.of(ExitCode.QC_FAILED));
        assertEquals(Disposition.RETRY, Disposition.of(ExitCode.TRANSIENT));
        assertEquals(Disposition.RETRY, Disposition.of(ExitCode.INTERNAL));
        assertEquals(Disposition.STOP, Disposition.of(ExitCode.TERMINATED));
    }
}
