package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import io.mediaworker.mp4.TrackTiming;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import io.mediaworker.qc.AnalysisPlanner;
import io.mediaworker.qc.AnalysisResult;
import io.mediaworker.qc.AudioAnalysis;
import io.mediaworker.qc.Finding;
import io.mediaworker.qc.MetadataLog;
import io.mediaworker.qc.PolicyEvaluator;
import io.mediaworker.qc.QcPolicy;
import io.mediaworker.qc.QualityAnalysis;
import io.mediaworker.qc.RenditionMetrics;
import io.mediaworker.qc.Segment;
import io.mediaworker.qc.VideoAnalysis;
import io.mediaworker.qc.report.RenditionView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the analysis ffmpeg for each rendition (see {@link AnalysisPlanner}) in a scratch folder
 * outside the content tree, and reads back what it wrote. The first rendition's run also analyses
 * the source, once.
 */
final class ContentAnalyser {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContentAnalyser.class);
    private final StageContext ctx;
    private final Ladder ladder;
    private final MediaInfo source;
    private final Path sourceFile;

    ContentAnalyser(StageContext ctx, Ladder ladder, MediaInfo source, Path sourceFile) {
        this.ctx = ctx;
        this.ladder = ladder;
        this.source = source;
        this.sourceFile = sourceFile;
    }

    /** Everything one analysis run produced. */
    record Outcome(Rendition rendition, boolean decodedCompletely, AnalysisResult result, VideoAnalysis video,
                   Optional<AudioAnalysis> audio, QualityAnalysis quality, Optional<PolicyEvaluator.SourceAnalysis> sourceAnalysis,
                   byte[] contactSheet, Path scratch, double durationSeconds, List<Long> bytesPerSecond) {

        Outcome withBitrate(List<TrackTiming> tracks) {
            List<Long> perSecond = tracks.stream().filter(TrackTiming::isVideo).findFirst().map(TrackTiming::bytesPerSecond).orElse(List.of());
            return new Outcome(rendition, decodedCompletely, result, video, audio, quality, sourceAnalysis, contactSheet, scratch,
                    durationSeconds, perSecond);
        }

        RenditionView view() {
            return new RenditionView(rendition.name(), rendition.size(), contactSheet, quality.times(), quality.ssim(), quality.psnr(),
                    bytesPerSecond, video.black(), video.frozen(), audio.map(AudioAnalysis::silence).orElse(List.of()), durationSeconds);
        }

        void discard() {
            ContentTree.deleteRecursively(scratch);
        }
    }

    Outcome analyse(Rendition r, Path file, boolean withSource) {
        Path scratch = scratchDir();
        try {
            return analyse(r, file, withSource, scratch);
        } catch (RuntimeException e) { // a failure or a SIGTERM: the caller never sees this scratch folder
            ContentTree.deleteRecursively(scratch);
            throw e;
        }
    }

    private Outcome analyse(Rendition r, Path file, boolean withSource, Path scratch) {
        double duration = source.durationSeconds();
        AnalysisPlanner.Analysis plan = AnalysisPlanner.plan(ctx.tools().ffmpeg(), file, r, sourceFile, source, ladder,
                ctx.ffmpegInfo().get().features(), scratch, withSource, duration);
        LOG.debug("analysing {}: {}", r.fileName(), plan.command());
        ProcessResult run = ctx.runner().run(QcStage.analysisSpec(plan.command(), ctx, duration, "qc " + r.name()));
        AnalysisResult result = AnalysisResult.of(run.stderrTail());
        if (run.ending() != ProcessResult.Ending.EXITED) throw QcStage.analysisFailed(run, r.fileName());
        if (run.exitCode() != 0 && result.decodeErrors() == 0) throw QcStage.analysisFailed(run, r.fileName());

        double frame = 1.0 / ladder.frameRate().toDouble();
        VideoAnalysis video = VideoAnalysis.of(read(plan.outputs().video()), frame);
        Optional<AudioAnalysis> audio = ladder.audioStreamIndex().map(a -> AudioAnalysis.of(read(plan.outputs().audio())));
        String vmafStatus = plan.withVmaf() ? "measured" : "unavailable: this ffmpeg has no libvmaf";
        QualityAnalysis quality = QualityAnalysis.of(read(plan.outputs().quality()), plan.withVmaf() ? vmafMean(plan.outputs().vmaf()) : Optional.empty(), vmafStatus);
        Optional<PolicyEvaluator.SourceAnalysis> sourceAnalysis = Optional.empty();
        if (withSource) {
            VideoAnalysis sv = VideoAnalysis.of(read(plan.outputs().sourceVideo()), frame);
            List<Segment> silence = ladder.audioStreamIndex().isPresent() ? AudioAnalysis.of(read(plan.outputs().sourceAudio())).silence() : List.of();
            boolean deinterlaced = source.mainVideo().flatMap(v -> v.fieldOrder()).filter(f -> f.interlaced()).isPresent();
            sourceAnalysis = Optional.of(new PolicyEvaluator.SourceAnalysis(sv.black(), sv.frozen(), silence, sv.interlacedRatio(), deinterlaced));
        }
        byte[] sheet = bytes(plan.outputs().thumbnails());
        return new Outcome(r, run.exitCode() == 0, result, video, audio, quality, sourceAnalysis, sheet, scratch,
                Math.max(video.endSeconds(), audio.map(AudioAnalysis::endSeconds).orElse(0.0)), List.of());
    }

    List<Finding> findings(List<Outcome> outcomes, QcPolicy policy) {
        PolicyEvaluator.SourceAnalysis sourceAnalysis = outcomes.stream().flatMap(o -> o.sourceAnalysis().stream()).findFirst()
                .orElse(PolicyEvaluator.SourceAnalysis.NONE);
        List<Finding> findings = new ArrayList<>();
        for (Outcome o : outcomes) {
            findings.addAll(PolicyEvaluator.evaluate(new PolicyEvaluator.Measured(o.rendition().name(), o.video(), o.audio(), o.quality(),
                    o.durationSeconds()), sourceAnalysis, policy));
        }
        return findings;
    }

    List<RenditionMetrics> metrics(List<Outcome> outcomes) {
        List<RenditionMetrics> metrics = new ArrayList<>();
        for (Outcome o : outcomes) {
            Optional<AudioAnalysis> a = o.audio();
            metrics.add(new RenditionMetrics(o.rendition().name(), boxed(o.quality().ssimMean()), boxed(o.quality().ssimMin()),
                    boxed(o.quality().psnrMean()), o.quality().vmaf(), a.flatMap(AudioAnalysis::integratedLufs),
                    a.flatMap(AudioAnalysis::loudnessRangeLu), a.flatMap(AudioAnalysis::truePeakDbtp), total(o.video().black()),
                    total(o.video().frozen()), a.map(x -> total(x.silence())).orElse(0.0), o.video().interlacedRatio(),
                    o.result().renditionBytesRead()));
        }
        return metrics;
    }

    private static Optional<Double> boxed(java.util.OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }

    private static double total(List<Segment> segments) {
        return segments.stream().mapToDouble(Segment::duration).sum();
    }

    /** libvmaf's JSON log: {@code pooled_metrics.vmaf.mean}. */
    private static Optional<Double> vmafMean(Path log) {
        try {
            double v = io.mediaworker.content.Json.MAPPER.readTree(log.toFile()).path("pooled_metrics").path("vmaf").path("mean").asDouble(-1);
            return v >= 0 ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Scratch space on the local disk (not the shared tree): analysis logs are big and private to this run. */
    private static Path scratchDir() {
        try {
            Path dir = Files.createTempDirectory("media-worker-qc-");
            return dir.toString().matches("[A-Za-z0-9/._-]+") ? dir : Files.createTempDirectory(Path.of("/tmp"), "media-worker-qc-");
        } catch (IOException e) {
            throw new TransientException("cannot create a scratch folder for QC: " + e.getMessage(), e);
        }
    }

    private static List<MetadataLog.Frame> read(Path file) {
        try {
            return Files.exists(file) ? MetadataLog.parse(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            throw new TransientException("cannot read QC analysis " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
