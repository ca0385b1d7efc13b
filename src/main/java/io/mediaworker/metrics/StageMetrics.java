package io.mediaworker.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A stage's figures, started when the stage starts and finished once when it ends: duration,
 * bytes read and written by this process and its children in between, and whatever facts the
 * stage adds (media seconds for the realtime factor, encoder, QC verdict). {@link #finish()} logs
 * them as one line: with {@code --log-format json} that line is a CloudWatch EMF object (see
 * {@link EmfFormat}) carrying the usual log fields too; as text it is a readable summary.
 * Not thread-safe: one recorder per stage run, used by the stage's thread.
 */
public final class StageMetrics {
    public static final String NAMESPACE = "MediaWorker";
    private static final Logger LOG = LoggerFactory.getLogger(StageMetrics.class);

    private final String stage;
    private final IoCounters io;
    private final Clock clock;
    private final Instant started;
    private final Optional<IoCounters.Snapshot> ioAtStart;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private double mediaSeconds;
    private boolean finished;

    StageMetrics(String stage, IoCounters io, Clock clock) {
        this.stage = stage;
        this.io = io;
        this.clock = clock;
        this.started = clock.instant();
        this.ioAtStart = io.read();
    }

    /** Starts measuring a stage of this process, with the real I/O counters and clock. */
    private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> false);

    /** doctor's trial runs are not production work: while muted, this thread's stages log no figures for CloudWatch. */
    public static void muteOnThisThread(boolean muted) {
        MUTED.set(muted);
    }

    public static StageMetrics start(String stage) {
        return new StageMetrics(stage, IoCounters.PROC_SELF, Clock.systemUTC());
    }

    /** The media duration the stage processed: the realtime factor is this over the stage's duration. */
    public StageMetrics mediaSeconds(double seconds) {
        this.mediaSeconds = seconds;
        return this;
    }

    public StageMetrics encoder(String encoder) {
        properties.put("Encoder", encoder);
        return this;
    }

    public StageMetrics verdict(String verdict) {
        properties.put("QcVerdict", verdict);
        return this;
    }

    /** Logs the figures once (later calls do nothing) and returns the EMF object. */
    public Map<String, Object> finish() {
        Instant now = clock.instant();
        double seconds = Duration.between(started, now).toMillis() / 1000.0;
        List<EmfFormat.Metric> metrics = new ArrayList<>();
        metrics.add(new EmfFormat.Metric("DurationSeconds", EmfFormat.Unit.Seconds, seconds));
        if (mediaSeconds > 0 && seconds > 0) {
            metrics.add(new EmfFormat.Metric("RealtimeFactor", EmfFormat.Unit.None, Math.round(mediaSeconds / seconds * 1000) / 1000.0));
        }
        Optional<IoCounters.Snapshot> bytes = ioAtStart.flatMap(start -> io.read().map(end -> end.since(start)));
        bytes.ifPresent(b -> {
            metrics.add(new EmfFormat.Metric("BytesRead", EmfFormat.Unit.Bytes, b.bytesRead()));
            metrics.add(new EmfFormat.Metric("BytesWritten", EmfFormat.Unit.Bytes, b.bytesWritten()));
        });
        Map<String, Object> doc = EmfFormat.document(NAMESPACE, stage, now, metrics, properties);
        if (!finished && !MUTED.get()) log(doc, metrics, properties);
        finished = true;
        return doc;
    }

    private static void log(Map<String, Object> doc, List<EmfFormat.Metric> metrics, Map<String, Object> properties) {
        StringBuilder summary = new StringBuilder("stage figures:");
        for (EmfFormat.Metric m : metrics) summary.append(' ').append(m.name()).append('=').append(format(m.value()));
        properties.forEach((k, v) -> summary.append(' ').append(k).append('=').append(v));
        LoggingEventBuilder event = LOG.atInfo().setMessage(summary.toString());
        doc.forEach(event::addKeyValue); // the JSON layout writes key-value pairs as top-level fields
        event.log();
    }

    private static String format(Number n) {
        return n instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : n.toString();
    }
}
