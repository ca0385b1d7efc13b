package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.IngestStage;
import io.mediaworker.stage.StageContext;
import io.mediaworker.watch.IngestWatch;
import io.mediaworker.watch.WatchLoop;
import io.mediaworker.watch.WatchSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        header = "Receive a source file into ingest/<assetId>/ and print its asset id.",
        description = {"Copies a source into ingest/<assetId>/ (SHA-256 computed in the same pass), probes it and writes the manifest. Prints the asset id on stdout. The same bytes again: a no-op, same id. Unreadable media is recorded in failed/<assetId>/reason.json (exit 3); the source is never changed.",
                "With --watch DIR: polls DIR and ingests each file once it has held still for --settle seconds, one at a time under a lease, printing each asset id; temporary upload names are ignored and sources are left in place."},
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class IngestCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "The source media file, or s3://bucket/key (not with --watch).")
    String source;

    @Option(names = "--watch", paramLabel = "DIR", defaultValue = "${env:MEDIA_WATCH_DIR}",
            description = "Watch DIR instead: ingest every file that arrives there (env MEDIA_WATCH_DIR).")
    Path watch;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "${env:MEDIA_SETTLE:-30}",
            description = "With --watch: a file is taken once its size and modification time held still this long (env MEDIA_SETTLE, default ${DEFAULT-VALUE}).")
    double settle;

    @picocli.CommandLine.Mixin WatchOptions watching;

    @Option(names = "--asset-id", paramLabel = "ID", defaultValue = "${env:ASSET_ID}",
            description = "Use this asset id (env ASSET_ID) instead of one derived from the SHA-256.")
    String assetId;

    @Override
    public Integer call() {
        watching.requireWatch(watch != null);
        if ((source == null) == (watch == null)) throw new UsageException("give either SOURCE or --watch DIR");
        if (watch != null) {
            if (assetId != null) throw new UsageException("--asset-id names one source; it cannot be used with --watch");
            LogSetup.stage("ingest", null);
            StageContext ctx = Commands.context(root);
            IngestWatch job = new IngestWatch(ctx, watch, WatchSettings.seconds(settle, "--settle"));
            return WatchLoop.of(ctx, job, watching.settings(), root.spec.commandLine().getOut()).run();
        }
        LogSetup.stage("ingest", assetId);
        StageContext ctx = Commands.context(root);
        Optional<AssetId> id = Optional.ofNullable(assetId).map(AssetId::of);
        IngestStage.Result result = StageReporting.of(root, ctx).run(PipelineStage.INGEST, id, Optional.of(source),
                () -> new IngestStage(ctx).run(new IngestStage.Request(Transfers.source(root, source), id)), IngestStage.Result::assetId);
        root.spec.commandLine().getOut().println(result.assetId());
        return 0;
    }
}
