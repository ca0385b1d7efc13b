package io.mediaworker.cli;

import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.stage.DeliverStage;
import io.mediaworker.stage.IngestStage;
import io.mediaworker.stage.QcStage;
import io.mediaworker.stage.StageContext;
import io.mediaworker.stage.TranscodeStage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run all four stages for one source in this process; print the asset id.",
        description = "Runs ingest, transcode, qc and deliver for one source in this process (local use, demos, CI smoke runs). Prints the asset id; exits with the first failing stage's code.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class RunCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "SOURCE", description = "The source media file, or s3://bucket/key.")
    String source;

    @Option(names = "--to", required = true, paramLabel = "DEST", defaultValue = "${env:DELIVER_TO}",
            description = "Destination folder, or s3://bucket/prefix/ (env DELIVER_TO).")
    String to;

    @picocli.CommandLine.Mixin S3DeliveryOptions s3;

    @Option(names = "--asset-id", paramLabel = "ID", defaultValue = "${env:ASSET_ID}",
            description = "Use this asset id (env ASSET_ID) instead of one derived from the SHA-256.")
    String assetId;

    @Option(names = "--profile", paramLabel = "FILE", defaultValue = "${env:MEDIA_PROFILE}",
            description = "A ladder profile (JSON) instead of the built-in ladder (env MEDIA_PROFILE).")
    Path profile;

    @picocli.CommandLine.Mixin EncoderOptions encoding;

    @picocli.CommandLine.Mixin AudioOptions audio;

    @picocli.CommandLine.Mixin QcOptions qcOptions;

    @Override
    public Integer call() {
        StageContext ctx = Commands.context(root);
        StageReporting report = StageReporting.of(root, ctx);
        LogSetup.stage("ingest", assetId);
        Optional<AssetId> named = Optional.ofNullable(assetId).map(AssetId::of);
        AssetId id = report.run(PipelineStage.INGEST, named, Optional.of(source),
                () -> new IngestStage(ctx).run(new IngestStage.Request(Transfers.source(root, source), named)), IngestStage.Result::assetId)
                .assetId();
        Optional<AssetId> known = Optional.of(id);
        // The id goes out first, so a caller knows which asset a later failure belongs to.
        root.spec.commandLine().getOut().println(id);
        root.spec.commandLine().getOut().flush();
        LogSetup.stage("transcode", id.value());
        report.run(PipelineStage.TRANSCODE, known, Optional.of(source), () -> new TranscodeStage(ctx).run(
                new TranscodeStage.Request(id, Optional.ofNullable(profile), false, encoding.encoder, encoding.maxNvencSessions(),
                        false, audio.language())),
                TranscodeStage.Result::assetId);
        LogSetup.stage("qc", id.value());
        report.run(PipelineStage.QC, known, Optional.of(source), () -> new QcStage(ctx).run(qcOptions.request(id)), QcStage.Result::assetId);
        LogSetup.stage("deliver", id.value());
        report.run(PipelineStage.DELIVER, known, Optional.of(source),
                () -> new DeliverStage(ctx).run(new DeliverStage.Request(id, Transfers.destination(root, to, s3))), DeliverStage.Result::assetId);
        return 0;
    }
}
