package io.mediaworker.stage;

import io.mediaworker.manifest.Interruption;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.model.TerminatedException;
import io.mediaworker.model.Termination;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stage does when it fails because the process was told to stop: record the interruption
 * in the manifest of the folder it was working from, and report a termination (exit 143) rather
 * than whatever the stop caused (a killed ffmpeg looks like a crash, a closed file like a storage fault).
 */
final class Interruptions {
    private static final Logger LOG = LoggerFactory.getLogger(Interruptions.class);

    private Interruptions() {}

    /** Returns the exception to throw for {@code failure}: the same one unless a stop was requested. */
    static RuntimeException onFailure(StageContext ctx, Path manifestDir, String stage, Instant startedAt, RuntimeException failure) {
        if (!Termination.requested()) return failure;
        String reason = "terminated (SIGTERM) during " + stage + ": ffmpeg stopped, partial files removed";
        try {
            ManifestStore.read(manifestDir).ifPresent(m -> ManifestStore.write(manifestDir, m.withInterruption(
                    new Interruption(stage, startedAt, ctx.clock().instant(), ctx.attempt(), ctx.host(), reason)), ctx.tree().work()));
        } catch (RuntimeException e) {
            LOG.warn("could not record the interruption in {}: {}", manifestDir.resolve(Manifest.FILE_NAME), e.getMessage());
        }
        return failure instanceof TerminatedException ? failure : new TerminatedException(reason);
    }
}
