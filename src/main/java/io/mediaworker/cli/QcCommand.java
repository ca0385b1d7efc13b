package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.QcStage;
import io.mediaworker.stage.StageContext;
import io.mediaworker.watch.StageWatch;
import io.mediaworker.watch.WatchLoop;
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

    @Parameters(paramLabel = "ASSET_ID", arity = "0..1", description = "The asset to check (not with --watch).")
    String assetId;

    @Option(names = "--watch", defaultValue = "${env:MEDIA_WATCH:-false}",
            description = "Watch the content tree instead: check every ladder in transcode/ not yet judged, one at a time under a lease (env MEDIA_WATCH).")
    boolean watch;

    @picocli.CommandLine.Mixin WatchOptions watching;

    @picocli.CommandLine.Mixin QcOptions qcOptions;

    @Override
    public Integer call() {
        watching.requireWatch(watch);
        if ((assetId == null) != watch) throw new UsageException("give either ASSET_ID or --watch");
        if (watch) {
            LogSetup.stage("qc", null);
            QcStage.loadPolicy(qcOptions.request(AssetId.of("preflight")).policyFile()); // a bad policy stops the watcher, not every asset
            StageContext ctx = Commands.context(root);
            QcStage stage = new QcStage(ctx);
            StageWatch job = StageWatch.qc(ctx, id -> stage.run(qcOptions.request(id)));
            return WatchLoop.of(ctx, job, watching.settings(), root.spec.commandLine().getOut()).run();
        }
        LogSetup.stage("qc", assetId);
        StageContext ctx = Commands.context(root);
        AssetId id = AssetId.of(assetId);
        StageReporting.of(root, ctx).run(PipelineStage.QC, Optional.of(id), Optional.empty(),
                () -> new QcStage(ctx).run(qcOptions.request(id)), QcStage.Result::assetId);
        return 0;
    }
}
