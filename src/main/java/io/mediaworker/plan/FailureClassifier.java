package io.mediaworker.plan;

import io.mediaworker.model.ExitCode;
import java.util.List;
import java.util.Locale;

/**
 * Decides what an ffmpeg failure means for the job: the machine's fault (retry: exit 4) or the
 * media's (exit 3). ffmpeg's exit code alone cannot tell; its last words can.
 */
public final class FailureClassifier {
    private static final List<String> MACHINE_FAULTS = List.of(
            "no space left on device", "input/output error", "cannot allocate memory", "out of memory",
            "resource temporarily unavailable", "stale file handle", "too many open files", "disk quota exceeded",
            "read-only file system", "connection timed out", "killed");

    private FailureClassifier() {}

    public static ExitCode classify(List<String> stderrTail, boolean killedBySignal) {
        if (killedBySignal) return ExitCode.TRANSIENT;
        for (String line : stderrTail) {
            String l = line.toLowerCase(Locale.ROOT);
            if (MACHINE_FAULTS.stream().anyMatch(l::contains)) return ExitCode.TRANSIENT;
        }
        return ExitCode.INVALID_INPUT;
    }
}
