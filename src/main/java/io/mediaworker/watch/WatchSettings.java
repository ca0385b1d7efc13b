package io.mediaworker.watch;

import io.mediaworker.model.UsageException;
import java.time.Duration;

/**
 * How a watcher polls and claims.
 *
 * @param pollInterval the pause after a poll that found nothing to claim
 * @param leaseTtl how long a claim holds without renewal; renewed every third of it
 * @param once drain what is there now and exit instead of watching forever
 */
public record WatchSettings(Duration pollInterval, Duration leaseTtl, boolean once) {
    public WatchSettings {
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new UsageException("--poll-interval must be more than 0 s");
        if (leaseTtl.compareTo(Duration.ofSeconds(3)) < 0) throw new UsageException("--lease-ttl must be at least 3 s");
    }

    public static Duration seconds(double s, String option) {
        if (!(s >= 0) || s > 86_400) throw new UsageException(option + " must be between 0 and 86400 seconds, not " + s);
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
