package io.mediaworker.stage;

import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.InputArgs;
import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.QcFacts;
import io.mediaworker.manifest.StageRecord;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.manifest.TranscodeFacts;
import io.mediaworker.metrics.StageMetrics;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.QcFailedException;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import io.mediaworker.mp4.Mp4Inspector;
import io.mediaworker.qc.QcCheck;
import io.mediaworker.qc.QcEvaluator;
import io.mediaworker.qc.QcReport;
import io.mediaworker.qc.RenditionMeasurement;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every rendition of {@code transcode/<assetId>/} (a full decode, ffprobe's view, jcodec's
 * view of the boxes and keyframes) against the plan and the source, writes {@code qc.json}, and
 * moves the renditions by rename to {@code output/<assetId>/} on a pass or to
 * {@code failed/<assetId>/} with {@code reason.json} on a fail (exit 5).
 */
public final class QcStage {
    private static final Logger LOG = LoggerFactory.getLogger(QcStage.class);
    public static final String REPORT_FILE = "qc.json";
    /** Durations may differ by this fraction of the source's too: long sources drift more at their ends. */
    static final double RELATIVE_DURATION_TOLERANCE = 0.01;
    private static final Duration DECODE_TIMEOUT = Duration.ofHours(2);

    public record Request(AssetId assetId, double durationToleranceSeconds) {}

    public record Result(AssetId assetId, QcReport report, Path folder) {}

    private final StageContext ctx;

    public QcStage(StageContext ctx) {
        this.ctx = ctx;
    }

    /** Judges and moves the renditions (see {@link #judge}), logging the stage's figures on a pass and on a fail. */
    public Result run(Request request) {
        StageMetrics metrics = StageMetrics.start("qc").mediaSeconds(sourceSeconds(request.assetId()));
        try {
            Result result = judge(request);
            metrics.verdict(result.report().verdict().name()).finish();
            return result;
        } catch (QcFailedException e) {
            metrics.verdict(QcReport.Verdict.FAIL.name()).finish();
            throw e;
        }
    }

    private double sourceSeconds(AssetId id) {
        return ManifestStore.read(ctx.tree().dir(ContentTree.Area.TRANSCODE, id)).flatMap(Manifest::ingest)
                .map(i -> i.facts().probe().durationSeconds()).orElse(0.0);
    }

    private Result judge(Request request) {
        ContentTree tree = ctx.tree().prepare();
        AssetId id = request.assetId();
        Path transcodeDir = tree.dir(ContentTree.Area.TRANSCODE, id);
        Manifest manifest = ManifestStore.read(transcodeDir).filter(m -> m.transcode().isPresent())
                .orElseThrow(() -> new UsageException("asset " + id + " has no transcode output: no " + transcodeDir.resolve(Manifest.FILE_NAME)));
        Instant started = ctx.clock().instant();
        TranscodeFacts transcode = manifest.transcode().get().facts();
        Ladder ladder = transcode.ladder();
        MediaInfo source = manifest.ingest().orElseThrow().facts().probe();
        double tolerance = Math.max(request.durationToleranceSeconds(), RELATIVE_DURATION_TOLERANCE * source.durationSeconds());

        List<RenditionMeasurement> measured = new ArrayList<>();
        for (Rendition r : ladder.renditions()) measured.add(measure(r, transcodeDir.resolve(r.fileName())));
        QcReport report = QcEvaluator.evaluate(id.value(), source, ladder, measured, tolerance);
        boolean pass = report.verdict() == QcReport.Verdict.PASS;

        Path staging = tree.newStaging("qc", id.value());
        try {
            List<FileRecord> moved = new ArrayList<>();
            ContentTree.Area area = pass ? ContentTree.Area.OUTPUT : ContentTree.Area.FAILED;
            for (FileRecord f : manifest.transcode().get().outputs()) {
                String name = Path.of(f.path()).getFileName().toString();
                tree.moveFile(transcodeDir.resolve(name), staging.resolve(name));
                moved.add(new FileRecord(tree.root().relativize(tree.dir(area, id).resolve(name)).toString(), f.size(), f.sha256()));
            }
            tree.moveFile(transcodeDir.resolve(TranscodeStage.PLAN_FILE), staging.resolve(TranscodeStage.PLAN_FILE));
            AtomicFiles.writeJson(staging.resolve(REPORT_FILE), report, tree.work());
            List<String> failures = report.failures().stream().map(QcCheck::describe).toList();
            StageRecord<QcFacts> record = new StageRecord<>(pass ? StageStatus.SUCCEEDED : StageStatus.FAILED, started,
                    ctx.clock().instant(), ctx.attempt(), ctx.host(), ctx.toolVersions(), manifest.transcode().get().outputs(),
                    moved, pass ? Optional.empty() : Optional.of(failures.get(0)),
                    new QcFacts(report.verdict().name(), failures.size(), failures));
            ManifestStore.write(staging, manifest.withQc(record), tree.work());
            Path folder;
            if (pass) {
                folder = tree.publish(staging, ContentTree.Area.OUTPUT, id);
            } else {
                folder = Quarantine.publish(ctx, staging, id, "qc", ExitCode.QC_FAILED,
                        "QC failed " + failures.size() + " check(s): " + failures.get(0), failures);
            }
            ContentTree.deleteRecursively(transcodeDir);
            if (!pass) throw new QcFailedException("QC failed " + failures.size() + " check(s), quarantined in " + folder + ": " + failures.get(0));
            LOG.info("QC passed {} checks on {} renditions of {}", report.checks().size(), measured.size(), id);
            return new Result(id, report, folder);
        } finally {
            ContentTree.deleteRecursively(staging);
        }
    }

    private RenditionMeasurement measure(Rendition planned, Path file) {
        if (!Files.isRegularFile(file)) throw new UsageException("rendition missing: " + file);
        MediaInfo probe;
        try {
            probe = ctx.prober().probe(file);
        } catch (InvalidInputException e) {
            probe = new MediaInfo("unreadable", Optional.empty(), 0, Optional.empty(), List.of(), List.of(), 0, 0, 0);
        }
        List<String> cmd = new ArrayList<>(List.of(ctx.tools().ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error"));
        cmd.addAll(InputArgs.forInput(file));
        cmd.addAll(List.of("-map", "0:v?", "-map", "0:a?", "-f", "null", "-"));
        ProcessResult decode = ctx.runner().run(ProcessSpec.captureWithStderr(cmd, DECODE_TIMEOUT));
        if (decode.ending() != ProcessResult.Ending.EXITED) throw new TransientException("decoding " + file.getFileName() + ": " + decode.describe());
        List<String> errors = decode.stderrTail().stream().filter(l -> !l.isBlank()).toList();
        try {
            return new RenditionMeasurement(planned, probe, decode.exitCode() == 0, errors.size(),
                    errors.subList(0, Math.min(5, errors.size())), Mp4Inspector.layout(file), Mp4Inspector.tracks(file));
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + file, e);
        }
    }
}
