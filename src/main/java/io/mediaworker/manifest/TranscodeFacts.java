package io.mediaworker.manifest;

import io.mediaworker.plan.Ladder;
import java.util.List;

/** What transcode did: the ladder, encoder and reason, the exact command, and the run's figures. */
public record TranscodeFacts(
        String profile,
        Ladder ladder,
        String encoder,
        String encoderReason,
        List<String> notes,
        List<String> command,
        double elapsedSeconds,
        double realtimeFactor) {
}
