package io.mediaworker.watch;

import java.util.List;

/**
 * What one poll found: the items to try to claim, in order, and what is not ready yet.
 *
 * @param ready items a worker may claim now (another worker may still hold a lease on one)
 * @param waiting items that will become ready without anyone doing anything (files still settling)
 * @param deferred items held back after a transient failure, until their backoff has passed
 */
public record Round<T>(List<T> ready, int waiting, int deferred) {
    public Round {
        ready = List.copyOf(ready);
    }
}
