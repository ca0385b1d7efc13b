package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.DeliverStage;
import io.mediaworker.stage.StageContext;
import io.mediaworker.transfer.Destination;
import io.mediaworker.watch.StageWatch;
import io.mediaworker.watch.WatchLoop;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "deliver", mixinStandardHelpOptions = true,
        header = "Deliver output/<assetId>/ to a destination folder and verify checksums.",
        description = "Copies output/<assetId>/ to DEST/<assetId>/ (each file under a temporary name, then renamed), verifies every rendition's SHA-256 read back from DEST, and records the delivery in the manifest.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class DeliverCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "ASSET_ID", arity = "0..1", description = "The asset to deliver (it must have passed QC; not with --watch).")
    String assetId;

    @Option(names = "--watch", defaultValue = "${env:MEDIA_WATCH:-false}",
            description = "Watch the content tree instead: deliver every asset in output/ not yet delivered to DEST, one at a time under a lease (env MEDIA_WATCH).")
    boolean watch;

    @picocli.CommandLine.Mixin WatchOptions watching;

    @Option(names = "--to", required = true, paramLabel = "DEST", defaultValue = "${env:DELIVER_TO}",
            description = "Destination folder, or s3://bucket/prefix/ (env DELIVER_TO).")
    String to;

    @picocli.CommandLine.Mixin S3DeliveryOptions s3;

    @Option(names = "--force", defaultValue = "${env:MEDIA_FORCE:-false}",
            description = "Deliver again even when the recorded delivery to DEST still verifies (env MEDIA_FORCE).")
    boolean force;

    @Override
    public Integer call() {
        watching.requireWatch(watch);
        if ((assetId == null) != watch) throw new UsageException("give either ASSET_ID or --watch");
        if (watch) {
            LogSetup.stage("deliver", null);
            StageContext ctx = Commands.context(root);
            DeliverStage stage = new DeliverStage(ctx);
            Destination destination = Transfers.destination(root, to, s3);
            StageWatch job = StageWatch.deliver(ctx, destination.describe(), id -> stage.run(new DeliverStage.Request(id, destination, force)));
            return WatchLoop.of(ctx, job, watching.settings(), root.spec.commandLine().getOut()).run();
        }
        LogSetup.stage("deliver", assetId);
        StageContext ctx = Commands.context(root);
        AssetId id = AssetId.of(assetId);
        StageReporting.of(root, ctx).run(PipelineStage.DELIVER, Optional.of(id), Optional.empty(),
                () -> new DeliverStage(ctx).run(new DeliverStage.Request(id, Transfers.destination(root, to, s3), force)),
                DeliverStage.Result::assetId);
        return 0;
    }
}
