package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Blocks as ffmpeg 5.1 writes them with {@code -progress pipe:1}. */
class ProgressParserTest {
    private static final String FIRST = """
            frame=1
            fps=0.00
            stream_0_0_q=0.0
            bitrate=N/A
            total_size=N/A
            out_time_us=N/A
            out_time_ms=N/A
            out_time=N/A
            dup_frames=0
            drop_frames=0
            speed=N/A
            progress=continue
            """;
    private static final String MIDDLE = """
            frame=100
            fps=49.87
            stream_0_0_q=28.0
            stream_1_0_q=27.0
            bitrate=1024.3kbits/s
            total_size=524288
            out_time_us=4000000
            out_time_ms=4000000
            out_time=00:00:04.000000
            dup_frames=0
            drop_frames=0
            speed=   1.5x
            progress=continue
            """;
    private static final String END = """
            frame=250
            fps=50.12
            stream_0_0_q=-1.0
            bitrate=1010.0kbits/s
            total_size=1262500
            out_time_us=10000000
            out_time_ms=10000000
            out_time=00:00:10.000000
            dup_frames=0
            drop_frames=0
            speed=2.01x
            progress=end
            """;

    private static List<Progress> feed(double total, String... blocks) {
        List<Progress> seen = new ArrayList<>();
        ProgressParser parser = new ProgressParser(total, seen::add);
        for (String block : blocks) block.lines().forEach(parser);
        return seen;
    }

    @Test
    void oneReportPerBlockWithPercentAndEta() {
        List<Progress> reports = feed(10, FIRST, MIDDLE, END);
        assertEquals(3, reports.size());

        Progress first = reports.get(0);
        assertEquals(new Progress(0, 1, 0, 0, 10, false), first); // N/A reads as nothing done yet
        assertEquals(Optional.of(0.0), first.percent());
        assertEquals(Optional.empty(), first.etaSeconds());        // speed unknown

        Progress middle = reports.get(1);
        assertEquals(new Progress(4.0, 100, 49.87, 1.5, 10, false), middle);
        assertEquals(Optional.of(40.0), middle.percent());          // 4 s of 10 s
        assertEquals(Optional.of(4.0), middle.etaSeconds());        // (10 - 4) s / 1.5x

        Progress end = reports.get(2);
        assertEquals(new Progress(10.0, 250, 50.12, 2.01, 10, true), end);
        assertTrue(end.finished());
        assertEquals(Optional.of(100.0), end.percent());
        assertEquals(Optional.of(0.0), end.etaSeconds());
    }

    @Test
    void unknownTotalGivesNoPercentOrEta() {
        Progress p = feed(0, MIDDLE).get(0);
        assertEquals(Optional.empty(), p.percent());
        assertEquals(Optional.empty(), p.etaSeconds());
        assertFalse(p.finished());
    }

    @Test
    void negativeStartTimeIsClampedAndOvershootIsCappedAtHundredPercent() {
        // ffmpeg prints a huge negative out_time_us before the first packet of some inputs.
        Progress start = feed(10, "out_time_us=-9223372036854775807\nspeed=0x\nprogress=continue\n").get(0);
        assertEquals(0.0, start.outTimeSeconds());
        // Audio can run past the probed duration: 10.4 s of 10 s is still 100%, 0 s left.
        Progress over = feed(10, "out_time_us=10400000\nspeed=1x\nprogress=continue\n").get(0);
        assertEquals(Optional.of(100.0), over.percent());
        assertEquals(Optional.of(0.0), over.etaSeconds());
    }

    @Test
    void linesWithoutAnEqualsSignAndUnknownKeysAreIgnored() {
        List<Progress> reports = feed(10, "garbage\n\nfoo=bar\nout_time_ms=2500000\nprogress=continue\n");
        assertEquals(1, reports.size());
        assertEquals(2.5, reports.get(0).outTimeSeconds()); // out_time_ms is microseconds too
    }
}
