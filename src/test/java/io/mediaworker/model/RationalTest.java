package io.mediaworker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void isAlwaysReducedWithAPositiveDenominator() {
        assertEquals(new Rational(30, 1), Rational.of(60, 2));
        assertEquals(30, Rational.of(60, 2).num());
        assertEquals(1, Rational.of(60, 2).den());
        assertEquals(Rational.of(-3, 2), Rational.of(3, -2));
        assertEquals(2, Rational.of(3, -2).den());
        assertEquals(Rational.of(16, 9), Rational.of(1920, 1080));
        assertEquals(Rational.of(30000, 1001), Rational.of(60000, 2002));
        assertEquals(Rational.ofInt(0), Rational.of(0, 5));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
    }

    @Test
    void parsesFfprobeNotations() {
        assertEquals(Optional.of(Rational.of(30000, 1001)), Rational.parse("30000/1001"));
        assertEquals(Optional.of(Rational.of(16, 9)), Rational.parse("16:9"));
        assertEquals(Optional.of(Rational.ofInt(25)), Rational.parse("25"));
        assertEquals(Optional.of(Rational.ofInt(25)), Rational.parse(" 50/2 "));
        assertEquals(Optional.empty(), Rational.parse("0/0"));
        assertEquals(Optional.empty(), Rational.parse("0:1"));
        assertEquals(Optional.empty(), Rational.parse("25/0"));
        assertEquals(Optional.empty(), Rational.parse("N/A"));
        assertEquals(Optional.empty(), Rational.parse("29.97"));
        assertEquals(Optional.empty(), Rational.parse(""));
        assertEquals(Optional.empty(), Rational.parse(null));
    }

    @Test
    void printsAsAFractionOrAWholeNumber() {
        assertEquals("30000/1001", Rational.of(30000, 1001).toString());
        assertEquals("25", Rational.of(50, 2).toString());
        assertEquals("64/45", Rational.of(64, 45).toString());
    }

    @Test
    void arithmeticAndComparison() {
        assertEquals(30000.0 / 1001, Rational.of(30000, 1001).toDouble());
        assertEquals(Rational.of(1024, 576), Rational.ofInt(720).times(Rational.of(64, 45)).dividedBy(Rational.ofInt(576)));
        assertEquals(Rational.of(30000, 1001), Rational.of(60000, 1001).dividedBy(Rational.ofInt(2)));
        assertTrue(Rational.of(30000, 1001).compareTo(Rational.ofInt(30)) < 0);
        assertTrue(Rational.ofInt(30).compareTo(Rational.of(30000, 1001)) > 0);
        assertEquals(0, Rational.of(50, 2).compareTo(Rational.ofInt(25)));
        // isWithin is relative to the argument: 29.97 is 0.1% from 30.
        assertTrue(Rational.of(30000, 1001).isWithin(Rational.ofInt(30), 0.001));
        assertFalse(Rational.of(30000, 1001).isWithin(Rational.ofInt(30), 0.0009));
    }
}
