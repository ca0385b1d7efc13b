package io.mediaworker.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** An exact fraction such as a frame rate (30000/1001) or an aspect ratio (16:9), always reduced. */
public record Rational(long num, long den) implements Comparable<Rational> {

    public Rational {
        if (den == 0) throw new IllegalArgumentException("denominator is zero");
        if (den < 0) { num = -num; den = -den; }
        long g = gcd(Math.abs(num), den);
        if (g > 1) { num /= g; den /= g; }
    }

    public static Rational of(long num, long den) { return new Rational(num, den); }

    public static Rational ofInt(long value) { return new Rational(value, 1); }

    /** Parses "30000/1001", "16:9" or "25"; empty for "0/0", "N/A", a zero numerator or garbage. */
    public static Optional<Rational> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        try {
            int sep = Math.max(t.indexOf('/'), t.indexOf(':'));
            long n = Long.parseLong(sep < 0 ? t : t.substring(0, sep));
            long d = sep < 0 ? 1 : Long.parseLong(t.substring(sep + 1));
            if (n == 0 || d == 0) return Optional.empty();
            return Optional.of(new Rational(n, d));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @JsonCreator
    static Rational fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a fraction: " + text));
    }

    public double toDouble() { return (double) num / den; }

    public Rational times(Rational other) { return new Rational(num * other.num, den * other.den); }

    public Rational dividedBy(Rational other) { return new Rational(num * other.den, den * other.num); }

    public boolean isWithin(Rational other, double relativeTolerance) {
        return Math.abs(toDouble() - other.toDouble()) <= relativeTolerance * other.toDouble();
    }

    @Override public int compareTo(Rational o) { return Long.compare(num * o.den, o.num * den); }

    @JsonValue @Override public String toString() { return den == 1 ? Long.toString(num) : num + "/" + den; }

    private static long gcd(long a, long b) { return b == 0 ? Math.max(a, 1) : gcd(b, a % b); }
}
