package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.stage.IngestStage;
import io.mediaworker.stage.StageContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        header = "Receive a source file into ingest/<assetId>/ and print its asset id.",
        description = "Copies a source into ingest/<assetId>/ (SHA-256 computed in the same pass), probes it and writes the manifest. Prints the asset id on stdout. The same bytes again: a no-op, same id. Unreadable media is recorded in failed/<assetId>/reason.json (exit 3); the source is never changed.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class IngestCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "SOURCE", description = "The source media file, or s3://bucket/key.")
    String source;

    @Option(names = "--asset-id", paramLabel = "ID", defaultValue = "${env:ASSET_ID}",
            description = "Use this asset id (env ASSET_ID) instead of one derived from the SHA-256.")
    String assetId;

    @Override
    public Integer call() {
        LogSetup.stage("ingest", assetId);
        StageContext ctx = Commands.context(root);
        Optional<AssetId> id = Optional.ofNullable(assetId).map(AssetId::of);
        IngestStage.Result result = StageReporting.of(root, ctx).run(PipelineStage.INGEST, id, Optional.of(source),
                () -> new IngestStage(ctx).run(new IngestStage.Request(Transfers.source(root, source), id)), IngestStage.Result::assetId);
        root.spec.commandLine().getOut().println(result.assetId());
        return 0;
    }
}
