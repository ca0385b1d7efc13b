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
import io.mediaworker.metrics.StageMetrics;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TerminatedException;
import io.mediaworker.model.Termination;
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
import io.mediaworker.gpu.GpuReport;
import io.mediaworker.manifest.EncodeAttempt;
import io.mediaworker.plan.EncoderChoice;
import io.mediaworker.plan.EncoderPreference;
import io.mediaworker.plan.EncoderSelection;
import io.mediaworker.plan.Encoders;
import io.mediaworker.plan.FfmpegFeatures;
import io.mediaworker.plan.GpuFailures;
import io.mediaworker.plan.GpuTranscodePlanner;
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

    /**
     * @param encoder auto, cpu or gpu (see {@link EncoderSelection})
     * @param maxNvencSessions the most NVENC sessions one transcode opens; 0 for no cap
     */
    public record Request(AssetId assetId, Optional<Path> profileFile, boolean dryRun, EncoderPreference encoder, int maxNvencSessions,
                          boolean force) {

        public Request(AssetId assetId, Optional<Path> profileFile, boolean dryRun, EncoderPreference encoder, int maxNvencSessions) {
            this(assetId, profileFile, dryRun, encoder, maxNvencSessions, false);
        }

        public Request(AssetId assetId, Optional<Path> profileFile, boolean dryRun) {
            this(assetId, profileFile, dryRun, EncoderPreference.auto, 0);
        }
    }

    /** @param plan what ran or would run; empty when the work was already done and verified */
    public record Result(AssetId assetId, Optional<TranscodePlan> plan) {}

    private final StageContext ctx;

    public TranscodeStage(StageContext ctx) {
        this.ctx = ctx;
    }

    public Result run(Request request) {
        io.mediaworker.log.LogSetup.stage("transcode", request.assetId().value()); // doctor runs stages one after another in one process
        StageMetrics metrics = StageMetrics.start("transcode"); // a dry run never finishes it: it did no work
        ContentTree tree = ctx.tree().prepare();
        AssetId id = request.assetId();
        Path ingestDir = tree.dir(ContentTree.Area.INGEST, id);
        Manifest manifest = ManifestStore.read(ingestDir).filter(m -> m.ingest().isPresent())
                .orElseThrow(() -> new UsageException("asset " + id + " is not ingested: no " + ingestDir.resolve(Manifest.FILE_NAME)));
        if (!request.dryRun() && !request.force()) {
            Optional<String> done = Completed.transcode(tree, id);
            if (done.isPresent()) {
                LOG.info("{}: nothing to do (--force redoes it)", done.get());
                return new Result(id, Optional.empty());
            }
        }
        IngestFacts ingest = manifest.ingest().get().facts();
        Path source = ingestDir.resolve(ingest.storedAs());
        LadderProfile profile = loadProfile(request.profileFile());
        Ladder ladder = LadderPlanner.plan(ingest.probe(), profile);

        FfmpegFeatures features = ctx.ffmpegInfo().get().features();
        List<String> nvenc = ladder.renditions().stream().map(r -> Encoders.nvenc(r.codec()).ffmpegName()).distinct().toList();
        List<GpuReport> gpuReport = new ArrayList<>(1);
        EncoderChoice choice = EncoderSelection.decide(request.encoder(), () -> {
            gpuReport.add(ctx.gpu().detect(ctx.tools().ffmpeg(), features, nvenc));
            return gpuReport.get(0);
        });
        LOG.info("encoder path {}: {}", choice.path(), choice.reason());

        if (request.dryRun()) {
            Path shown = tree.dir(ContentTree.Area.TRANSCODE, id);
            return new Result(id, Optional.of(plan(choice, source, shown, ingest.probe(), ladder, features, request.maxNvencSessions())));
        }
        Instant started = ctx.clock().instant();
        try {
            return encodeAndPublish(request, metrics, tree, manifest, source, profile, ladder, features, choice, gpuReport, started);
        } catch (RuntimeException e) {
            throw Interruptions.onFailure(ctx, ingestDir, "transcode", started, e);
        }
    }

    private Result encodeAndPublish(Request request, StageMetrics metrics, ContentTree tree, Manifest manifest, Path source,
                                    LadderProfile profile, Ladder ladder, FfmpegFeatures features, EncoderChoice choice,
                                    List<GpuReport> gpuReport, Instant started) {
        AssetId id = request.assetId();
        IngestFacts ingest = manifest.ingest().get().facts();
        Path staging = tree.newStaging("transcode", id.value());
        KeptRenditions kept = KeptRenditions.of(tree, id);
        if (request.force()) kept.discard();
        try {
            // A first attempt makes the whole ladder from one decode (fastest). A retry encodes rung
            // by rung and keeps each verified rendition, so a further interruption loses one rung at most.
            boolean byRung = ctx.attempt() > 1 || kept.exists();
            Encoded encoded = byRung
                    ? encodeByRung(request, id, source, staging, ingest.probe(), ladder, features, choice, kept)
                    : encodeLadder(request, id, source, staging, ingest.probe(), ladder, features, choice);
            choice = encoded.choice();
            TranscodePlan plan = encoded.plan();
            List<FileRecord> outputs = hashOutputs(tree, id, staging, ladder);
            double elapsed = encoded.seconds();
            double realtime = elapsed > 0 ? ingest.probe().durationSeconds() / elapsed : 0;
            List<String> notes = new ArrayList<>(plan.filterGraphNotes());
            notes.addAll(encoded.notes());
            TranscodeFacts facts = new TranscodeFacts(profile.name(), ladder, plan.encoder(), plan.encoderReason(),
                    notes, plan.command(), elapsed, realtime,
                    choice.path().name().toLowerCase(java.util.Locale.ROOT), gpuReport.stream().findFirst(), encoded.attempts());
            FileRecord input = manifest.ingest().get().outputs().get(0);
            StageRecord<TranscodeFacts> record = new StageRecord<>(StageStatus.SUCCEEDED, started, ctx.clock().instant(),
                    ctx.attempt(), ctx.host(), ctx.toolVersions(), List.of(input), outputs, Optional.empty(), facts);
            AtomicFiles.writeJson(staging.resolve(PLAN_FILE), plan, tree.work());
            ManifestStore.write(staging, manifest.withTranscode(record), tree.work());
            tree.publish(staging, ContentTree.Area.TRANSCODE, id);
            kept.discard();
            LOG.info("transcoded {} in {} s ({}x realtime) with {}", id, String.format("%.1f", elapsed), String.format("%.2f", realtime), plan.encoder());
            metrics.mediaSeconds(ingest.probe().durationSeconds()).encoder(plan.encoder()).finish();
            return new Result(id, Optional.of(plan));
        } finally {
            ContentTree.deleteRecursively(staging);
        }
    }

    /** What the encoding left in the staging folder: the plan to record, the path it ended on, each attempt. */
    private record Encoded(TranscodePlan plan, EncoderChoice choice, List<EncodeAttempt> attempts, double seconds, List<String> notes) {}

    /** The whole ladder in one ffmpeg run. */
    private Encoded encodeLadder(Request request, AssetId id, Path source, Path staging, MediaInfo probe, Ladder ladder,
                                 FfmpegFeatures features, EncoderChoice choice) {
        List<EncodeAttempt> attempts = new ArrayList<>();
        Ran ran = encodeWithFallback(request, id, source, staging, probe, ladder, features, choice, attempts);
        return new Encoded(ran.plan(), ran.choice(), attempts, ran.seconds(), List.of());
    }

    /**
     * One ffmpeg run per rung, each finished rendition moved into {@link KeptRenditions} before the
     * next starts; renditions an earlier attempt kept, and that still verify, are not encoded again.
     * The keyframe timestamps are fixed by the ladder, not by the run, so rungs made apart still align.
     */
    private Encoded encodeByRung(Request request, AssetId id, Path source, Path staging, MediaInfo probe, Ladder ladder,
                                 FfmpegFeatures features, EncoderChoice choice, KeptRenditions kept) {
        List<EncodeAttempt> attempts = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        List<String> encodedNames = new ArrayList<>();
        double seconds = 0;
        String ffmpegVersion = ctx.ffmpegInfo().get().version();
        for (Rendition r : ladder.renditions()) {
            Ladder one = ladder.withRenditions(List.of(r));
            TranscodePlan planned = plan(choice, source, staging, probe, one, features, request.maxNvencSessions());
            Optional<Path> earlier = kept.verified(r, KeptRenditions.fingerprint(planned.command(), staging, ffmpegVersion));
            if (earlier.isPresent()) {
                LOG.info("{}: kept from an earlier attempt (it verifies)", r.fileName());
                keptNames.add(r.name());
                continue;
            }
            Ran ran = encodeWithFallback(request, id, source, staging, probe, one, features, choice, attempts);
            choice = ran.choice();
            seconds += ran.seconds();
            requireRendition(id, staging, r);
            kept.keep(staging.resolve(r.fileName()), r, KeptRenditions.fingerprint(ran.plan().command(), staging, ffmpegVersion), ctx.attempt());
            encodedNames.add(r.name());
        }
        for (Rendition r : ladder.renditions()) kept.moveInto(r, staging);
        String note = "attempt " + ctx.attempt() + " encoded rung by rung so that a further interruption keeps finished renditions; "
                + (keptNames.isEmpty() ? "none kept" : "kept from an earlier attempt: " + String.join(", ", keptNames))
                + "; encoded now: " + (encodedNames.isEmpty() ? "none" : String.join(", ", encodedNames));
        TranscodePlan whole = plan(choice, source, staging, probe, ladder, features, request.maxNvencSessions());
        return new Encoded(whole, choice, attempts, seconds, List.of(note));
    }

    private record Ran(TranscodePlan plan, EncoderChoice choice, double seconds) {}

    /** Runs the plan for these renditions; a GPU failure reruns it on the CPU unless {@code --encoder gpu}. Records each attempt. */
    private Ran encodeWithFallback(Request request, AssetId id, Path source, Path staging, MediaInfo probe, Ladder ladder,
                                   FfmpegFeatures features, EncoderChoice choice, List<EncodeAttempt> attempts) {
        TranscodePlan plan = plan(choice, source, staging, probe, ladder, features, request.maxNvencSessions());
        ProcessResult result = encode(id, plan, probe);
        Optional<String> gpuFailure = gpuFailure(choice, result);
        if (gpuFailure.isPresent()) {
            attempts.add(new EncodeAttempt("gpu", plan.encoder(), "failed", gpuFailure, seconds(result)));
            choice = fallBackToCpu(request, gpuFailure.get());
            emptyFolder(staging);
            plan = plan(choice, source, staging, probe, ladder, features, 0);
            result = encode(id, plan, probe);
        }
        failIfUnsuccessful(id, result);
        attempts.add(succeeded(choice, plan, seconds(result)));
        return new Ran(plan, choice, seconds(result));
    }

    private static Optional<String> gpuFailure(EncoderChoice choice, ProcessResult result) {
        if (choice.path() != EncoderChoice.Path.GPU || result.succeeded() || Termination.requested()) return Optional.empty();
        return GpuFailures.gpuFailure(result.stderrTail());
    }

    private static EncoderChoice fallBackToCpu(Request request, String failure) {
        if (request.encoder() == EncoderPreference.gpu) {
            throw new TransientException("NVENC failed and --encoder gpu forbids the CPU: " + failure);
        }
        LOG.warn("GPU run failed ({}): rerunning on the CPU", failure);
        return EncoderChoice.cpu("NVENC failed during the job, rerun on the CPU: " + failure);
    }

    private static EncodeAttempt succeeded(EncoderChoice choice, TranscodePlan plan, double seconds) {
        return new EncodeAttempt(choice.path().name().toLowerCase(java.util.Locale.ROOT), plan.encoder(), "succeeded", Optional.empty(), seconds);
    }

    private ProcessResult encode(AssetId id, TranscodePlan plan, MediaInfo source) {
        LOG.info("transcoding {} into {} renditions with {}: {}", id, plan.ladder().renditions().size(), plan.encoder(),
                plan.ladder().renditions().stream().map(r -> r.name() + " " + r.size()).toList());
        return ctx.runner().run(ProcessSpec.streaming(plan.command(), ctx.stallTimeout(),
                new ProgressParser(source.durationSeconds(), p -> ctx.progress().report("transcode " + id, p))));
    }

    private TranscodePlan plan(EncoderChoice choice, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                               FfmpegFeatures features, int sessionCap) {
        Path ffmpeg = ctx.tools().ffmpeg();
        return choice.path() == EncoderChoice.Path.GPU
                ? GpuTranscodePlanner.plan(ffmpeg, source, outputDir, info, ladder, choice.reason(), features, sessionCap)
                : TranscodePlanner.cpu(ffmpeg, source, outputDir, info, ladder, choice.reason(), features);
    }

    private static double seconds(ProcessResult r) {
        return r.elapsed().toMillis() / 1000.0;
    }

    private static void emptyFolder(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) ContentTree.deleteRecursively(f);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot clear " + dir, e);
        }
    }

    private void failIfUnsuccessful(AssetId id, ProcessResult result) {
        switch (result.ending()) {
            case STALLED -> throw new TransientException("ffmpeg stalled: no progress for " + ctx.stallTimeout().toSeconds() + " s; killed");
            case TIMED_OUT -> throw new TransientException(result.describe());
            case CANCELLED -> throw new TerminatedException("terminated: " + result.describe());
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
    private void requireRendition(AssetId id, Path staging, Rendition r) {
        Path file = staging.resolve(r.fileName());
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) return;
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + file, e);
        }
        String reason = "transcode produced no " + r.fileName();
        Quarantine.reasonOnly(ctx, id, "transcode", ExitCode.INVALID_INPUT, reason);
        throw new InvalidInputException(reason);
    }

    private List<FileRecord> hashOutputs(ContentTree tree, AssetId id, Path staging, Ladder ladder) {
        List<FileRecord> records = new ArrayList<>();
        Path published = tree.dir(ContentTree.Area.TRANSCODE, id);
        for (Rendition r : ladder.renditions()) {
            requireRendition(id, staging, r);
            Path file = staging.resolve(r.fileName());
            try {
                HashingCopy.Result h = HashingCopy.hash(file);
                records.add(new FileRecord(tree.root().relativize(published.resolve(r.fileName())).toString(), h.size(), h.sha256()));
            } catch (IOException e) {
                throw ContentTree.storageFault("cannot read " + file, e);
            }
        }
        return records;
    }

    /** The ladder profile from a file, or the default; a usage error (exit 2) when it cannot be read or is invalid. */
    public static LadderProfile loadProfile(Optional<Path> file) {
        if (file.isEmpty()) return LadderProfile.DEFAULT;
        try {
            return ProfileParser.parse(Files.readString(file.get(), StandardCharsets.UTF_8), file.get().getFileName().toString());
        } catch (IOException e) {
            throw new UsageException("cannot read profile " + file.get() + ": " + e.getMessage());
        }
    }
}
