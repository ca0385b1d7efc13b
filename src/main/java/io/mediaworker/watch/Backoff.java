package io.mediaworker.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a key that failed transiently (exit 1 or 4) may be tried again: after the poll interval,
 * doubled with each further failure, at most {@link #MAX}. Immutable; one per watcher, in memory:
 * other workers keep their own, so a fault of one host does not hold the asset back on another.
 */
public record Backoff(Map<String, Entry> entries) {
    public static final Duration MAX = Duration.ofMinutes(10);

    public record Entry(int failures, Instant notBefore) {}

    public static Backoff none() { return new Backoff(Map.of()); }

    public Backoff {
        entries = Map.copyOf(entries);
    }

    public boolean readyAt(String key, Instant now) {
        Entry e = entries.get(key);
        return e == null || !now.isBefore(e.notBefore());
    }

    public boolean contains(String key) { return entries.containsKey(key); }

    public Backoff failed(String key, Instant now, Duration base) {
        int failures = entries.containsKey(key) ? entries.get(key).failures() + 1 : 1;
        Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(MAX) > 0 || wait.isNegative()) wait = MAX;
        Map<String, Entry> next = new HashMap<>(entries);
        next.put(key, new Entry(failures, now.plus(wait)));
        return new Backoff(next);
    }

    public Backoff cleared(String key) {
        if (!entries.containsKey(key)) return this;
        Map<String, Entry> next = new HashMap<>(entries);
        next.remove(key);
        return new Backoff(next);
    }
}
