package io.mediaworker.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files of a watched folder {@code ingest --watch} may take now. Pure: the listing, what
 * was seen before, what is recorded and the clock go in; the files to claim (oldest first) and
 * the updated sightings come out.
 */
public final class IngestPlanner {
    private IngestPlanner() {}

    /** One file ready to ingest, under the key its lease and ledger record use. */
    public record Candidate(FileStat file, String key) {}

    /** The round, and the sightings to keep for the next poll (only of files still undecided). */
    public record Plan(Round<Candidate> round, Map<String, Sighting> sightings) {}

    /**
     * @param folder the watched folder, part of each file's key
     * @param recorded keys already ingested or failed for good (by any worker)
     */
    public static Plan plan(String folder, List<FileStat> listing, Map<String, Sighting> previous, Set<String> recorded,
                            Backoff backoff, Instant now, Duration settle) {
        Map<String, Sighting> sightings = new HashMap<>();
        List<Candidate> ready = new ArrayList<>();
        int waiting = 0;
        int deferred = 0;
        for (FileStat f : listing) {
            // An empty file is a placeholder an uploader has created and not yet written: not work, and not worth waiting for.
            if (UploadNames.isTemporary(f.name()) || f.size() == 0) continue;
            String key = SourceKey.of(folder, f);
            if (recorded.contains(key)) continue;
            Sighting s = Sighting.update(previous.get(f.name()), f, now);
            sightings.put(f.name(), s);
            if (!s.settledAt(now, settle)) {
                waiting++;
            } else if (!backoff.readyAt(key, now)) {
                deferred++;
            } else {
                ready.add(new Candidate(f, key));
            }
        }
        ready.sort(Comparator.comparing((Candidate c) -> c.file().modified()).thenComparing(c -> c.file().name()));
        return new Plan(new Round<>(ready, waiting, deferred), sightings);
    }
}
