package io.mediaworker.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which assets a transcode, qc or deliver watcher may claim now. Pure: a snapshot of the tree,
 * the ids recorded as failed for good, those already delivered (deliver) and the backoff go in;
 * the ids to try, in name order, come out.
 */
public final class StagePlanner {
    private StagePlanner() {}

    public static Round<String> plan(WatchedStage stage, ContentSnapshot snapshot, Set<String> finished, Set<String> recordedFailures,
                                     Backoff backoff, Instant now) {
        List<String> ready = new ArrayList<>();
        int deferred = 0;
        for (String id : stage.inputs(snapshot).stream().sorted().toList()) {
            if (!stage.isDue(id, snapshot, finished) || recordedFailures.contains(id)) continue;
            if (backoff.readyAt(id, now)) {
                ready.add(id);
            } else {
                deferred++;
            }
        }
        return new Round<>(ready, 0, deferred);
    }
}
