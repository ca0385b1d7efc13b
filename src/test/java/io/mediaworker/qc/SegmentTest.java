package io.mediaworker.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void subtractCutsOutWhatTheSourceHad() {
        assertEquals(List.of(new Segment(0, 2), new Segment(3, 5)),
                Segment.subtract(List.of(new Segment(0, 5)), List.of(new Segment(2, 3))));
        assertEquals(List.of(), Segment.subtract(List.of(new Segment(1, 2)), List.of(new Segment(0, 5))));
        assertEquals(List.of(new Segment(4, 5)), Segment.subtract(List.of(new Segment(1, 5)), List.of(new Segment(0, 4))));
        assertEquals(List.of(new Segment(1, 2)), Segment.subtract(List.of(new Segment(1, 2)), List.of(new Segment(2, 3))), "touching is not overlapping");
        assertEquals(List.of(new Segment(0, 1), new Segment(2, 3), new Segment(4, 5), new Segment(6, 7)),
                Segment.subtract(List.of(new Segment(4, 7), new Segment(0, 3)), List.of(new Segment(1, 2), new Segment(5, 6))), "sorted by start");
    }

    @Test
    void clipKeepsOnlyTheInside() {
        assertEquals(List.of(new Segment(1, 2), new Segment(3, 3.5), new Segment(8, 9)),
                Segment.clip(List.of(new Segment(0, 2), new Segment(3, 3.5), new Segment(8, 10)), 1, 9));
        assertEquals(List.of(), Segment.clip(List.of(new Segment(0, 1)), 1, 9), "ending at the edge leaves nothing");
    }

    @Test
    void widenAddsTheMarginOnBothSides() {
        assertEquals(List.of(new Segment(1.75, 3.25)), Segment.widen(List.of(new Segment(2, 3)), 0.25));
        assertEquals(2.0, new Segment(3, 5).duration());
        assertEquals(0.0, new Segment(5, 3).duration(), "an inverted segment lasts nothing");
    }

    @Test
    void joinMergesRunsWithinTheGap() {
        assertEquals(List.of(new Segment(1, 4), new Segment(5, 6)),
                Segment.join(List.of(new Segment(5, 6), new Segment(2, 4), new Segment(1, 2.05)), 0.06));
        assertEquals(List.of(new Segment(1, 2), new Segment(2.1, 3)), Segment.join(List.of(new Segment(1, 2), new Segment(2.1, 3)), 0.06));
    }
}
