package io.mediaworker.stage;

import io.mediaworker.content.AtomicFiles;
import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.ffmpeg.ProgressParser;
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
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import io.mediaworker.qc.QcEvaluator;
import io.mediaworker.qc.QcPolicy;
import io.mediaworker.qc.QcPolicyParser;
import io.mediaworker.qc.QcReport;
import io.mediaworker.qc.RenditionMeasurement;
import io.mediaworker.qc.report.HtmlReport;
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
 * Checks every rendition of {@code transcode/<assetId>/}: one ffmpeg analysis run per rendition
 * (its single decode feeds error counting, black/freeze/interlace, silence/loudness and SSIM/PSNR
 * against the source), ffprobe's view of the streams, and jcodec's view of boxes and keyframes.
 * Judges them against the plan, the source and the QC policy; writes {@code qc.json} and the
 * self-contained {@code qc.html}; moves the renditions by rename to {@code output/<assetId>/} on a
 * pass, or to {@code failed/<assetId>/} with {@code reason.json} on a fail (exit 5).
 */
public final class QcStage {
    private static final Logger LOG = LoggerFactory.getLogger(QcStage.class);
    public static final String REPORT_FILE = "qc.json";
    public static final String HTML_FILE = "qc.html";
    /** Durations may differ by this fraction of the source's too: long sources drift more at their ends. */
    static final double RELATIVE_DURATION_TOLERANCE = 0.01;

    /** @param durationToleranceSeconds overrides the policy's when given (flag or environment) */
    public record Request(AssetId assetId, Optional<Double> durationToleranceSeconds, Optional<Path> policyFile) {

        public Request(AssetId assetId, double durationToleranceSeconds) {
            this(assetId, Optional.of(durationToleranceSeconds), Optional.empty());
        }
    }

    public record Result(AssetId assetId, QcReport report, Path folder) {}

    private final StageContext ctx;

    public QcStage(StageContext ctx) {
        this.ctx = ctx;
    }

    /** Judges and moves the renditions (see {@link #judge}); logs the stage's figures on a pass and on a fail. */
    private boolean judgedBefore;

    public Result run(Request request) {
        io.mediaworker.log.LogSetup.stage("qc", request.assetId().value()); // doctor runs stages one after another in one process
        judgedBefore = false; // one instance may judge many assets (qc --watch)
        StageMetrics metrics = StageMetrics.start("qc").mediaSeconds(sourceSeconds(request.assetId()));
        Instant started = ctx.clock().instant();
        try {
            Result result = judge(request);
            if (!judgedBefore) metrics.verdict(result.report().verdict().name()).finish();
            return result;
        } catch (QcFailedException e) {
            if (!judgedBefore) metrics.verdict(QcReport.Verdict.FAIL.name()).finish();
            throw e;
        } catch (RuntimeException e) {
            throw Interruptions.onFailure(ctx, ctx.tree().dir(ContentTree.Area.TRANSCODE, request.assetId()), "qc", started, e);
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
        if (!Files.exists(transcodeDir.resolve(Manifest.FILE_NAME))) {
            // Judged before (a retry, a watcher, a second run): say so instead of failing for want of input.
            Optional<Path> passed = Completed.qcPassed(tree, id);
            judgedBefore = true; // no figures for a no-op: CloudWatch would count the verdict twice
            if (passed.isPresent()) {
                LOG.info("QC already passed {}: renditions in {} verify; nothing to do", id, passed.get());
                QcReport earlier = readReport(passed.get().resolve(REPORT_FILE));
                return new Result(id, earlier, passed.get());
            }
            Optional<String> failed = Completed.qcFailed(tree, id);
            if (failed.isPresent()) {
                throw new QcFailedException("QC already failed " + id + ", quarantined in "
                        + tree.dir(ContentTree.Area.FAILED, id) + ": " + failed.get());
            }
        }
        Manifest manifest = ManifestStore.read(transcodeDir).filter(m -> m.transcode().isPresent())
                .orElseThrow(() -> new UsageException("asset " + id + " has no transcode output: no " + transcodeDir.resolve(Manifest.FILE_NAME)));
        QcPolicy policy = loadPolicy(request.policyFile());
        Instant started = ctx.clock().instant();
        TranscodeFacts transcode = manifest.transcode().get().facts();
        Ladder ladder = transcode.ladder();
        MediaInfo source = manifest.ingest().orElseThrow().facts().probe();
        Path sourceFile = tree.file(tree.dir(ContentTree.Area.INGEST, id), manifest.ingest().get().facts().storedAs());
        double tolerance = Math.max(request.durationToleranceSeconds().orElse(policy.durationToleranceSeconds()),
                RELATIVE_DURATION_TOLERANCE * source.durationSeconds());

        ContentAnalyser analyser = new ContentAnalyser(ctx, ladder, source, sourceFile);
        List<RenditionMeasurement> measured = new ArrayList<>();
        List<ContentAnalyser.Outcome> analysed = new ArrayList<>();
        try {
            for (Rendition r : ladder.renditions()) {
                Path file = transcodeDir.resolve(r.fileName());
                if (!Files.isRegularFile(file)) throw new UsageException("rendition missing: " + file);
                ContentAnalyser.Outcome outcome = analyser.analyse(r, file, analysed.isEmpty());
                analysed.add(outcome); // listed at once, so its scratch folder goes even if what follows fails
                RenditionMeasurement m = structure(r, file, outcome);
                measured.add(m);
                analysed.set(analysed.size() - 1, outcome.withBitrate(m.tracks()));
            }
            List<io.mediaworker.qc.Finding> findings = new ArrayList<>(analyser.findings(analysed, policy));
            findings.addAll(QcEvaluator.trackDurationWarnings(measured, tolerance));
            QcReport report = QcEvaluator.evaluate(id.value(), source, ladder, measured, tolerance)
                    .withAnalysis(findings, analyser.metrics(analysed), policy);
            return publish(tree, id, manifest, transcodeDir, report, analysed, started);
        } finally {
            analysed.forEach(ContentAnalyser.Outcome::discard);
        }
    }

    /**
     * Writes the reports and the manifest into {@code transcode/<assetId>/} itself (each file whole,
     * by rename) and then moves that folder to {@code output/} or {@code failed/} with one rename.
     * Killed at any moment, the renditions are in exactly one stage folder, never in {@code .work/}
     * where an orphan sweep would take them: before the last rename a re-run simply judges again.
     */
    private Result publish(ContentTree tree, AssetId id, Manifest manifest, Path transcodeDir, QcReport report,
                           List<ContentAnalyser.Outcome> analysed, Instant started) {
        boolean pass = report.verdict() == QcReport.Verdict.PASS;
        ContentTree.Area area = pass ? ContentTree.Area.OUTPUT : ContentTree.Area.FAILED;
        List<FileRecord> moved = new ArrayList<>();
        for (FileRecord f : manifest.transcode().get().outputs()) {
            String name = Path.of(f.path()).getFileName().toString();
            moved.add(new FileRecord(tree.root().relativize(tree.dir(area, id).resolve(name)).toString(), f.size(), f.sha256()));
        }
        AtomicFiles.writeJson(transcodeDir.resolve(REPORT_FILE), report, tree.work());
        AtomicFiles.write(transcodeDir.resolve(HTML_FILE),
                HtmlReport.render(report, manifest.transcode().get().facts().ladder(), analysed.stream().map(ContentAnalyser.Outcome::view).toList())
                        .getBytes(StandardCharsets.UTF_8), tree.work());
        List<String> failures = report.failureLines();
        StageRecord<QcFacts> record = new StageRecord<>(pass ? StageStatus.SUCCEEDED : StageStatus.FAILED, started,
                ctx.clock().instant(), ctx.attempt(), ctx.host(), ctx.toolVersions(), manifest.transcode().get().outputs(),
                moved, pass ? Optional.empty() : Optional.of(failures.get(0)),
                new QcFacts(report.verdict().name(), failures.size(), failures, report.warningLines(), report.metrics()));
        ManifestStore.write(transcodeDir, manifest.withQc(record), tree.work());
        Path folder = pass ? tree.publish(transcodeDir, ContentTree.Area.OUTPUT, id)
                : Quarantine.publish(ctx, transcodeDir, id, "qc", ExitCode.QC_FAILED,
                        "QC failed " + failures.size() + " check(s): " + failures.get(0), failures);
        if (!pass) throw new QcFailedException("QC failed " + failures.size() + " check(s), quarantined in " + folder + ": " + failures.get(0));
        if (tree.withdraw(ContentTree.Area.FAILED, id)) {
            LOG.info("{}: the earlier quarantine in failed/ is withdrawn, these renditions passed", id); // so failed/ lists only assets that are failed now
        }
        LOG.info("QC passed {} checks on {} renditions of {} ({} warnings)", report.checks().size(), analysed.size(), id,
                report.warningLines().size());
        return new Result(id, report, folder);
    }

    /** ffprobe's view of the streams and jcodec's view of the boxes, beside the analysis run's decode. */
    private RenditionMeasurement structure(Rendition planned, Path file, ContentAnalyser.Outcome outcome) {
        MediaInfo probe;
        try {
            probe = ctx.prober().probe(file);
        } catch (InvalidInputException e) {
            probe = new MediaInfo("unreadable", Optional.empty(), 0, Optional.empty(), List.of(), List.of(), 0, 0, 0);
        }
        try {
            return new RenditionMeasurement(planned, probe, outcome.decodedCompletely(), outcome.result().decodeErrors(),
                    outcome.result().firstErrors(), Mp4Inspector.layout(file), Mp4Inspector.tracks(file));
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + file, e);
        }
    }

    private static QcReport readReport(Path file) {
        try {
            return io.mediaworker.content.Json.MAPPER.readValue(file.toFile(), QcReport.class);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + file, e);
        }
    }

    /** The QC policy from a file, or the default; a usage error (exit 2) when it cannot be read or is invalid. */
    public static QcPolicy loadPolicy(Optional<Path> file) {
        if (file.isEmpty()) return QcPolicy.DEFAULT;
        try {
            return QcPolicyParser.parse(Files.readString(file.get(), StandardCharsets.UTF_8), file.get().getFileName().toString());
        } catch (IOException e) {
            throw new UsageException("cannot read QC policy " + file.get() + ": " + e.getMessage());
        }
    }

    static ProcessSpec analysisSpec(List<String> command, StageContext ctx, double seconds, String what) {
        return new ProcessSpec(command, Optional.empty(), Optional.of(ctx.stallTimeout()),
                Optional.of(new ProgressParser(seconds, p -> ctx.progress().report(what, p))), ProcessSpec.STDERR_ALL_LINES);
    }

    static TransientException analysisFailed(ProcessResult r, String what) {
        String why = r.stderrTail().stream().filter(l -> l.contains("rror") || l.contains("nvalid") || l.contains("No such"))
                .reduce((a, b) -> b).orElse(r.lastError());
        if (r.killedBySignal()) why = r.signalExplanation() + ", not a fault of the media";
        return new TransientException("QC analysis of " + what + " failed (" + r.ending() + ", exit " + r.exitCode() + "): " + why);
    }
}
