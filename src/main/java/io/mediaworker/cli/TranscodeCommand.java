package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.AssetId;
import io.mediaworker.plan.Rendition;
import io.mediaworker.plan.TranscodePlan;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.StageContext;
import io.mediaworker.stage.TranscodeStage;
import io.mediaworker.watch.StageWatch;
import io.mediaworker.watch.WatchLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "transcode", mixinStandardHelpOptions = true,
        header = "Make the H.264/AAC ladder of an ingested asset into transcode/<assetId>/.",
        description = "Makes the H.264/AAC MP4 ladder of an ingested asset in one ffmpeg run (the source is decoded once) and publishes transcode/<assetId>/: the renditions, plan.json and the manifest. --dry-run prints the plan and the exact ffmpeg command without running it.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class TranscodeCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "ASSET_ID", arity = "0..1", description = "The asset to transcode (as printed by ingest; not with --watch).")
    String assetId;

    @Option(names = "--watch", defaultValue = "${env:MEDIA_WATCH:-false}",
            description = "Watch the content tree instead: transcode every ingested asset that has no ladder yet, one at a time under a lease (env MEDIA_WATCH).")
    boolean watch;

    @picocli.CommandLine.Mixin WatchOptions watching;

    @Option(names = "--profile", paramLabel = "FILE", defaultValue = "${env:MEDIA_PROFILE}",
            description = "A ladder profile (JSON) to use instead of the built-in ladder (env MEDIA_PROFILE).")
    Path profile;

    @picocli.CommandLine.Mixin EncoderOptions encoding;

    @picocli.CommandLine.Mixin AudioOptions audio;

    @Option(names = "--dry-run", description = "Print the plan and the ffmpeg command; run nothing.")
    boolean dryRun;

    @Option(names = "--force", defaultValue = "${env:MEDIA_FORCE:-false}",
            description = "Transcode again even when verified renditions exist (env MEDIA_FORCE).")
    boolean force;

    @Override
    public Integer call() {
        watching.requireWatch(watch);
        if ((assetId == null) != watch) throw new UsageException("give either ASSET_ID or --watch");
        if (watch) {
            if (dryRun) throw new UsageException("--dry-run shows one asset's plan; it cannot be used with --watch");
            LogSetup.stage("transcode", null);
            TranscodeStage.loadProfile(Optional.ofNullable(profile)); // a bad profile stops the watcher, not every asset
            StageContext ctx = Commands.context(root);
            TranscodeStage stage = new TranscodeStage(ctx);
            StageWatch job = StageWatch.transcode(ctx, id -> stage.run(new TranscodeStage.Request(id, Optional.ofNullable(profile), false,
                    encoding.encoder, encoding.maxNvencSessions, force)));
            return WatchLoop.of(ctx, job, watching.settings(), root.spec.commandLine().getOut()).run();
        }
        LogSetup.stage("transcode", assetId);
        StageContext ctx = Commands.context(root);
        TranscodeStage.Request request = new TranscodeStage.Request(AssetId.of(assetId), Optional.ofNullable(profile), dryRun,
                encoding.encoder, encoding.maxNvencSessions(), force, audio.language());
        // A dry run changes nothing, so it reports nothing either.
        TranscodeStage.Result result = dryRun ? new TranscodeStage(ctx).run(request)
                : StageReporting.of(root, ctx).run(PipelineStage.TRANSCODE, Optional.of(request.assetId()), Optional.empty(),
                        () -> new TranscodeStage(ctx).run(request), TranscodeStage.Result::assetId);
        if (dryRun) print(result.plan().orElseThrow(), root.spec.commandLine().getOut());
        return 0;
    }

    static void print(TranscodePlan plan, PrintWriter out) {
        out.printf("encoder: %s (%s)%n", plan.encoder(), plan.encoderReason());
        out.printf("frame rate: %s, keyframes every %s s (%d frames)%n", plan.ladder().frameRate(),
                plan.ladder().keyframeIntervalSeconds(), plan.ladder().gopFrames());
        for (Rendition r : plan.ladder().renditions()) {
            out.printf("  %-6s %-10s %5d kbps (peak %d, buffer %d) %s%n", r.name(), r.size(), r.videoKbps(), r.maxKbps(),
                    r.bufferKbps(), r.fileName());
        }
        for (String note : plan.filterGraphNotes()) out.println("note: " + note);
        out.println(plan.commandLine());
        out.flush();
    }
}
