package io.mediaworker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageMetricsTest {

    @Test
    void reportsTheDurationTheRealtimeFactorAndTheByteDeltasAcrossTheStage() {
        FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:00Z"));
        FakeIoCounters io = new FakeIoCounters(new IoCounters.Snapshot(1_000, 50), new IoCounters.Snapshot(9_000, 4_050));
        StageMetrics metrics = new StageMetrics("transcode", io, clock);
        clock.advance(Duration.ofSeconds(4));

        Map<String, Object> doc = metrics.mediaSeconds(10).encoder("libx264").finish();

        assertEquals("transcode", doc.get("Stage"));
        assertEquals(4.0, doc.get("DurationSeconds"));
        assertEquals(2.5, doc.get("RealtimeFactor"));
        assertEquals(8_000L, doc.get("BytesRead"));
        assertEquals(4_000L, doc.get("BytesWritten"));
        assertEquals("libx264", doc.get("Encoder"));
    }

    @Test
    void withoutIoCountersThereAreNoByteFiguresAndNoFailure() {
        StageMetrics metrics = new StageMetrics("ingest", Optional::empty, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Map<String, Object> doc = metrics.finish();
        assertFalse(doc.containsKey("BytesRead"));
        assertFalse(doc.containsKey("RealtimeFactor"), "no media seconds, no realtime factor");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> declared = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                ((Map<String, Object>) doc.get("_aws")).get("CloudWatchMetrics")).get(0).get("Metrics");
        assertEquals(List.of(Map.of("Name", "DurationSeconds", "Unit", "Seconds")), declared);
    }

    @Test
    void procIoCountersReadNothingWhereTheFileIsMissing() {
        assertEquals(Optional.empty(), new ProcIoCounters(java.nio.file.Path.of("/no/such/proc/io")).read());
    }

    @Test
    void procIoCountersParseRcharAndWchar(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("io"),
                "rchar: 323934931\nwchar: 323929600\nsyscr: 632687\nsyscw: 632675\nread_bytes: 0\nwrite_bytes: 323932160\n");
        assertEquals(Optional.of(new IoCounters.Snapshot(323_934_931L, 323_929_600L)), new ProcIoCounters(file).read());
    }

    /** Returns the given snapshots in order, then the last one again. */
    private static final class FakeIoCounters implements IoCounters {
        private final Deque<Snapshot> snapshots;

        FakeIoCounters(Snapshot... snapshots) {
            this.snapshots = new ArrayDeque<>(List.of(snapshots));
        }

        @Override
        public Optional<Snapshot> read() {
            return Optional.of(snapshots.size() > 1 ? snapshots.removeFirst() : snapshots.getFirst());
        }
    }

    private static final class FakeClock extends Clock {
        private Instant now;

        FakeClock(Instant now) { this.now = now; }

        void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }
}
