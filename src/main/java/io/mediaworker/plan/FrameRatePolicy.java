package io.mediaworker.plan;

import io.mediaworker.model.Rational;
import io.mediaworker.model.VideoStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the one constant frame rate every rung is encoded at. Phones record variable frame rate
 * (29.87 average for "30"), containers report odd averages (27.52 for a file with dropped frames),
 * so the source's rates are snapped to the broadcast rate they are meant to be; then the rate is
 * capped at the profile's maximum by an integer divisor where one exists (120 becomes 60, 100
 * becomes 50, 59.94 stays) so no frame is ever invented by an uneven pattern.
 */
public final class FrameRatePolicy {
    static final List<Rational> STANDARD = List.of(
            Rational.of(24000, 1001), Rational.ofInt(24), Rational.ofInt(25), Rational.of(30000, 1001),
            Rational.ofInt(30), Rational.ofInt(48), Rational.ofInt(50), Rational.of(60000, 1001), Rational.ofInt(60),
            Rational.ofInt(72), Rational.ofInt(90), Rational.ofInt(96), Rational.ofInt(100),
            Rational.of(120000, 1001), Rational.ofInt(120), Rational.ofInt(240));
    /** How far a measured rate may sit from a standard one and still be taken as that standard. */
    static final double SNAP_TOLERANCE = 0.02;
    static final Rational FALLBACK = Rational.ofInt(25);

    private FrameRatePolicy() {}

    public static Rational outputRate(VideoStream video, int maxFrameRate) {
        return cap(sourceRate(video), Rational.ofInt(maxFrameRate));
    }

    /** The rate the source is meant to play at: its average snapped, else its base rate snapped, else the average. */
    static Rational sourceRate(VideoStream video) {
        Optional<Rational> avg = video.averageFrameRate().filter(r -> r.toDouble() >= 1 && r.toDouble() <= 1000);
        Optional<Rational> base = video.baseFrameRate().filter(r -> r.toDouble() >= 1 && r.toDouble() <= 1000);
        Optional<Rational> snappedAvg = avg.flatMap(FrameRatePolicy::snap);
        if (snappedAvg.isPresent()) return snappedAvg.get();
        Optional<Rational> snappedBase = base.flatMap(FrameRatePolicy::snap);
        if (snappedBase.isPresent()) return snappedBase.get();
        return avg.or(() -> base).orElse(FALLBACK);
    }

    static Optional<Rational> snap(Rational rate) {
        return STANDARD.stream()
                .filter(s -> rate.isWithin(s, SNAP_TOLERANCE))
                .min(Comparator.comparingDouble(s -> Math.abs(s.toDouble() - rate.toDouble())));
    }

    static Rational cap(Rational rate, Rational max) {
        if (rate.compareTo(max) <= 0) return rate;
        for (int divisor = 2; divisor <= 16; divisor++) {
            Rational reduced = rate.dividedBy(Rational.ofInt(divisor));
            if (reduced.compareTo(max) <= 0) {
                // Keep the divided rate only if it lands on a standard rate (120 -> 60, 119.88 -> 59.94).
                return snap(reduced).filter(s -> s.equals(reduced)).orElse(max);
            }
        }
        return max;
    }
}
