package io.mediaworker.cli;

import io.mediaworker.model.AssetId;
import io.mediaworker.stage.QcStage;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How QC judges; shared by qc and run. */
final class QcOptions {

    @Option(names = "--duration-tolerance", paramLabel = "SECONDS", defaultValue = "${env:QC_DURATION_TOLERANCE}",
            description = "Allowed difference between rendition and source duration, or 1%% of the source's if larger "
                    + "(env QC_DURATION_TOLERANCE; default: the policy's, 0.5 s).")
    Double durationTolerance;

    @Option(names = "--policy", paramLabel = "FILE", defaultValue = "${env:QC_POLICY}",
            description = "QC policy (JSON) with every threshold; unset fields keep the built-in default (env QC_POLICY).")
    Path policy;

    QcStage.Request request(AssetId id) {
        if (durationTolerance != null && !(durationTolerance >= 0)) {
            throw new io.mediaworker.model.UsageException("--duration-tolerance (QC_DURATION_TOLERANCE) must be 0 or more seconds, not " + durationTolerance);
        }
        return new QcStage.Request(id, Optional.ofNullable(durationTolerance), Optional.ofNullable(policy));
    }
}
