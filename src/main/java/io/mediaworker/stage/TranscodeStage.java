package io.mediaworker.stage;

import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.ffmpeg.ProgressParser;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.IngestFacts;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.StageRecord;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.manifest.TranscodeFacts;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import io.mediaworker.plan.FailureClassifier;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.LadderPlanner;
import io.mediaworker.plan.LadderProfile;
import io.mediaworker.plan.ProfileParser;
import io.mediaworker.plan.Rendition;
import io.mediaworker.plan.TranscodePlan;
import io.mediaworker.plan.TranscodePlanner;
import io.mediaworker.plan.X264Encoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the ladder for an ingested asset: plans it from the manifest's probe, runs the one ffmpeg
 * command into a staging folder, hashes the renditions and publishes {@code transcode/<assetId>/}
 * (renditions, {@code plan.json}, manifest) with one rename.
 */
public final class TranscodeStage {
    private static final Logger LOG = LoggerFactory.getLogger(TranscodeStage.class);
    public static final String PLAN_FILE = "plan.json";
    static final String CPU_REASON = "libx264 on the CPU: the only encoder path in this build";

    public record Request(AssetId assetId, Optional<Path> profileFile, boolean dryRun) {}

    public record Result(AssetId assetId, TranscodePlan plan) {}

    private final StageContext ctx;

    public TranscodeStage(StageContext ctx) {
        this.ctx = ctx;
    }

    public Result run(Request request) {
        ContentTree tree = ctx.tree().prepare();
        AssetId id = request.assetId();
        Path ingestDir = tree.dir(ContentTree.Area.INGEST, id);
        Manifest manifest = ManifestStore.read(ingestDir).filter(m -> m.ingest().isPresent())
                .orElseThrow(() -> new UsageException("asset " + id + " is not ingested: no " + ingestDir.resolve(Manifest.FILE_NAME)));
        IngestFacts ingest = manifest.ingest().get().facts();
        Path source = ingestDir.resolve(ingest.storedAs());
        LadderProfile profile = loadProfile(request.profileFile());
        Ladder ladder = LadderPlanner.plan(ingest.probe(), profile);

        if (request.dryRun()) {
            Path shown = tree.dir(ContentTree.Area.TRANSCODE, id);
            return new Result(id, plan(source, shown, ingest.probe(), ladder));
        }
        Instant started = ctx.clock().instant();
        Path staging = tree.newStaging("transcode", id.value());
        try {
            TranscodePlan plan = plan(source, staging, ingest.probe(), ladder);
            LOG.info("transcoding {} into {} renditions with {}: {}", id, ladder.renditions().size(), plan.encoder(),
                    ladder.renditions().stream().map(r -> r.name() + " " + r.size()).toList());
            ProcessResult result = ctx.runner().run(ProcessSpec.streaming(plan.command(), ctx.stallTimeout(),
                    new ProgressParser(ingest.probe().durationSeconds(), p -> ctx.progress().report("transcode " + id, p))));
            failIfUnsuccessful(id, result);
            List<FileRecord> outputs = hashOutputs(tree, id, staging, ladder);
            double elapsed = result.elapsed().toMillis() / 1000.0;
            double realtime = elapsed > 0 ? ingest.probe().durationSeconds() / elapsed : 0;
            TranscodeFacts facts = new TranscodeFacts(profile.name(), ladder, plan.encoder(), plan.encoderReason(),
                    plan.filterGraphNotes(), plan.command(), elapsed, realtime);
            FileRecord input = manifest.ingest().get().outputs().get(0);
            StageRecord<TranscodeFacts> record = new StageRecord<>(StageStatus.SUCCEEDED, started, ctx.clock().instant(),
                    ctx.attempt(), ctx.host(), ctx.toolVersions(), List.of(input), outputs, Optional.empty(), facts);
            AtomicFiles.writeJson(staging.resolve(PLAN_FILE), plan, tree.work());
            ManifestStore.write(staging, manifest.withTranscode(record), tree.work());
            tree.publish(staging, ContentTree.Area.TRANSCODE, id);
            LOG.info("transcoded {} in {} s ({}x realtime)", id, String.format("%.1f", elapsed), String.format("%.2f", realtime));
            return new Result(id, plan);
        } finally {
            ContentTree.deleteRecursively(staging);
        }
    }

    private TranscodePlan plan(Path source, Path outputDir, MediaInfo info, Ladder ladder) {
        return TranscodePlanner.plan(ctx.tools().ffmpeg(), source, outputDir, info, ladder, new X264Encoder(), CPU_REASON,
                ctx.ffmpegInfo().get().features());
    }

    private void failIfUnsuccessful(AssetId id, ProcessResult result) {
        switch (result.ending()) {
            case STALLED -> throw new TransientException("ffmpeg stalled: no progress for " + ctx.stallTimeout().toSeconds() + " s; killed");
            case TIMED_OUT, CANCELLED -> throw new TransientException(result.describe());
            case EXITED -> { }
        }
        if (result.exitCode() == 0) return;
        ExitCode code = FailureClassifier.classify(result.stderrTail(), result.killedBySignal());
        String reason = "transcode failed: " + result.lastError();
        if (code == ExitCode.INVALID_INPUT) {
            Quarantine.reasonOnly(ctx, id, "transcode", code, reason);
            throw new InvalidInputException(reason);
        }
        throw new TransientException(reason);
    }

    /** ffmpeg can exit 0 having written nothing useful; an empty or missing rendition is the media's fault. */
    private List<FileRecord> hashOutputs(ContentTree tree, AssetId id, Path staging, Ladder ladder) {
        List<FileRecord> records = new ArrayList<>();
        Path published = tree.dir(ContentTree.Area.TRANSCODE, id);
        for (Rendition r : ladder.renditions()) {
            Path file = staging.resolve(r.fileName());
            try {
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    String reason = "transcode produced no " + r.fileName();
                    Quarantine.reasonOnly(ctx, id, "transcode", ExitCode.INVALID_INPUT, reason);
                    throw new InvalidInputException(reason);
                }
                HashingCopy.Result h = HashingCopy.hash(file);
                records.add(new FileRecord(tree.root().relativize(published.resolve(r.fileName())).toString(), h.size(), h.sha256()));
            } catch (IOException e) {
                throw ContentTree.storageFault("cannot read " + file, e);
            }
        }
        return records;
    }

    private static LadderProfile loadProfile(Optional<Path> file) {
        if (file.isEmpty()) return LadderProfile.DEFAULT;
        try {
            return ProfileParser.parse(Files.readString(file.get(), StandardCharsets.UTF_8), file.get().getFileName().toString());
        } catch (IOException e) {
            throw new UsageException("cannot read profile " + file.get() + ": " + e.getMessage());
        }
    }
}
