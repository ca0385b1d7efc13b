package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.stage.QcStage;
import io.mediaworker.stage.StageContext;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "qc", mixinStandardHelpOptions = true,
        header = "Check the renditions; pass moves them to output/, fail to failed/ (exit 5).",
        description = "Checks every rendition in transcode/<assetId>/: a full decode, codec, profile, size, frame rate, duration against the source, audio, faststart, keyframes on the planned grid and aligned across rungs. Writes qc.json. Pass: renditions move to output/<assetId>/. Fail: to failed/<assetId>/ with reason.json (exit 5).",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class QcCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "ASSET_ID", description = "The asset to check.")
    String assetId;

    @picocli.CommandLine.Mixin QcOptions qcOptions;

    @Override
    public Integer call() {
        LogSetup.stage("qc", assetId);
        StageContext ctx = Commands.context(root);
        AssetId id = AssetId.of(assetId);
        StageReporting.of(root, ctx).run(PipelineStage.QC, Optional.of(id), Optional.empty(),
                () -> new QcStage(ctx).run(qcOptions.request(id)), QcStage.Result::assetId);
        return 0;
    }
}
