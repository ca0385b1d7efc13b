package io.mediaworker.cli;

import io.mediaworker.model.UsageException;
import io.mediaworker.watch.WatchSettings;
import picocli.CommandLine.Option;

/** How a watcher polls and claims; shared by every subcommand that has {@code --watch}. */
final class WatchOptions {

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "${env:MEDIA_POLL_INTERVAL:-10}",
            description = "With --watch: pause between polls that found nothing to claim (env MEDIA_POLL_INTERVAL, default ${DEFAULT-VALUE}).")
    double pollInterval;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS", defaultValue = "${env:MEDIA_LEASE_TTL:-60}",
            description = "With --watch: how long a claim lasts unrenewed; renewed every third of it (env MEDIA_LEASE_TTL, default ${DEFAULT-VALUE}).")
    double leaseTtl;

    @Option(names = "--once", defaultValue = "${env:MEDIA_WATCH_ONCE:-false}",
            description = "With --watch: do what is there now, then exit 0 (4 if transient failures are left) instead of watching (env MEDIA_WATCH_ONCE).")
    boolean once;

    WatchSettings settings() {
        return new WatchSettings(WatchSettings.seconds(pollInterval, "--poll-interval"), WatchSettings.seconds(leaseTtl, "--lease-ttl"), once);
    }

    /** --once means nothing without --watch: say so rather than silently run once. */
    void requireWatch(boolean watching) {
        if (once && !watching) throw new UsageException("--once needs --watch");
    }
}
