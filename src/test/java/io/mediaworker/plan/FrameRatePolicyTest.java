package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediaworker.model.Rational;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameRatePolicyTest {
    private static final Rational NTSC30 = Rational.of(30000, 1001);
    private static final Rational NTSC60 = Rational.of(60000, 1001);
    private static final Rational FILM = Rational.of(24000, 1001);

    private static Rational output(Optional<Rational> avg, Optional<Rational> base, int max) {
        return FrameRatePolicy.outputRate(video(1920, 1080).rates(avg, base).build(), max);
    }

    private static Rational output(Rational both, int max) {
        return output(Optional.of(both), Optional.of(both), max);
    }

    @Test
    void phoneVariableRateSnapsToTheNearestBroadcastRate() {
        // 29.87 is 0.10 from 29.97 and 0.13 from 30: NTSC wins.
        assertEquals(NTSC30, output(Optional.of(Rational.of(2987, 100)), Optional.of(Rational.ofInt(30)), 60));
        // 60.06 is 0.06 from 60 and 0.12 from 59.94.
        assertEquals(Rational.ofInt(60), output(Optional.of(Rational.of(6006, 100)), Optional.of(Rational.ofInt(60)), 60));
    }

    @Test
    void averageTooFarFromAnyStandardFallsBackToTheBaseRate() {
        // 27.52 is 8% below 29.97 and 9% above 25: outside the 2% snap, so the base rate 30 decides.
        assertEquals(Rational.ofInt(30), output(Optional.of(Rational.of(2752, 100)), Optional.of(Rational.ofInt(30)), 60));
    }

    @Test
    void implausibleRatesAreCappedByAnIntegerDivisor() {
        // A Matroska file claiming 600 fps: no standard within 2%, so 600 itself; 600 / 10 = 60 fits the cap.
        assertEquals(Rational.ofInt(60), output(Rational.ofInt(600), 60));
        assertEquals(Rational.ofInt(60), output(Rational.ofInt(120), 60));          // 120 / 2
        assertEquals(NTSC60, output(Rational.of(120000, 1001), 60));               // 119.88 / 2 = 59.94
        assertEquals(Rational.ofInt(50), output(Rational.ofInt(100), 60));          // 100 / 2
        assertEquals(Rational.ofInt(25), output(Rational.ofInt(50), 30));           // 50 / 2 under a 30 cap
        assertEquals(Rational.of(30000, 1001), output(NTSC60, 30));                 // 59.94 / 2
        assertEquals(Rational.ofInt(60), output(Rational.ofInt(240), 60));          // 240 / 4 (/2 = 120, /3 = 80 too fast)
        // 90 / 2 = 45 is no standard rate: the cap itself is used rather than an odd rate.
        assertEquals(Rational.ofInt(60), output(Rational.ofInt(90), 60));
    }

    @Test
    void ratesAtOrBelowTheCapAreKeptExactly() {
        assertEquals(FILM, output(FILM, 60));
        assertEquals(NTSC60, output(NTSC60, 60));
        assertEquals(Rational.ofInt(60), output(Rational.ofInt(60), 60));
        // An unusual but plausible rate with no standard near it stays as it is: 15 fps screen capture.
        assertEquals(Rational.ofInt(15), output(Rational.ofInt(15), 60));
    }

    @Test
    void missingOrAbsurdRatesFallBackToTwentyFive() {
        assertEquals(Rational.ofInt(25), output(Optional.empty(), Optional.empty(), 60));
        // Below 1 fps or above 1000 fps (timebase-like values) are not taken as rates at all.
        assertEquals(Rational.ofInt(25), output(Optional.of(Rational.of(1, 2)), Optional.of(Rational.ofInt(90000)), 60));
        // Only a base rate: it is snapped (23.98 -> 24000/1001).
        assertEquals(FILM, output(Optional.empty(), Optional.of(Rational.of(2398, 100)), 60));
    }
}
