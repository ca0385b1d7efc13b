package io.mediaworker.stage;

import io.mediaworker.log.Redaction;
import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Records why an asset stopped: {@code failed/<assetId>/reason.json}, beside whatever was put
 * into the staging folder before (the renditions QC rejected). Published with one rename.
 */
final class Quarantine {
    record Reason(String assetId, String stage, int exitCode, String reason, List<String> details, Instant at, String host) {}

    private Quarantine() {}

    static Path publish(StageContext ctx, Path staging, AssetId id, String stage, ExitCode code, String reason, List<String> details) {
        AtomicFiles.writeJson(staging.resolve("reason.json"),
                new Reason(id.value(), stage, code.code(), Redaction.redact(reason), details.stream().map(Redaction::redact).toList(),
                        ctx.clock().instant(), ctx.host()), ctx.tree().work());
        return ctx.tree().publish(staging, ContentTree.Area.FAILED, id);
    }

    /** Quarantines with nothing but the reason (the source was never accepted). */
    static Path reasonOnly(StageContext ctx, AssetId id, String stage, ExitCode code, String reason) {
        Path staging = ctx.tree().newStaging("failed", id.value());
        return publish(ctx, staging, id, stage, code, reason, List.of());
    }
}
