package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.FfmpegInfo;
import io.mediaworker.ffmpeg.ProcessResult;
import io.mediaworker.ffmpeg.ProcessSpec;
import io.mediaworker.gpu.GpuReport;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.WorkerException;
import io.mediaworker.plan.EncoderPreference;
import io.mediaworker.transfer.LocalFileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person runs first on a new host: which ffmpeg, what it can do, whether the GPU path is
 * usable and why not, and then a real 2-second encode and QC on every path available here, in a
 * scratch content tree that is removed afterwards.
 */
public final class Doctor {
    static final List<String> ENCODERS = List.of("libx264", "libx265", "h264_nvenc", "hevc_nvenc", "aac");
    static final List<String> FILTERS = List.of("scale_cuda", "yadif_cuda", "hwupload_cuda", "zscale", "tonemap", "bwdif");
    /** Two small rungs at the fastest preset: the trial proves the path, not the quality. */
    static final String TRIAL_PROFILE = """
            {"name": "doctor", "preset": "ultrafast",
             "rungs": [{"height": 180, "videoKbps": 300}, {"height": 144, "videoKbps": 200}]}
            """;

    private final StageContext ctx;

    public Doctor(StageContext ctx) {
        this.ctx = ctx;
    }

    public DoctorReport examine() {
        FfmpegInfo info = ctx.ffmpegInfo().get();
        Map<String, Boolean> encoders = new LinkedHashMap<>();
        for (String e : ENCODERS) encoders.put(e, info.features().encoders().contains(e));
        Map<String, Boolean> filters = new LinkedHashMap<>();
        for (String f : FILTERS) filters.put(f, info.features().filters().contains(f));
        GpuReport gpu = ctx.gpu().detect(info.path(), info.features(), "h264_nvenc");

        List<DoctorReport.Trial> trials = new ArrayList<>();
        trials.add(trial(EncoderPreference.cpu));
        if (gpu.usable()) trials.add(trial(EncoderPreference.gpu));
        return new DoctorReport(ctx.workerVersion(), info.path().toString(), ctx.tools().origin(), info.version(),
                info.configuration(), ctx.tools().ffprobe().map(Path::toString), ctx.prober().method(), encoders, filters,
                hardwareAccelerations(), gpu, trials);
    }

    private DoctorReport.Trial trial(EncoderPreference path) {
        long started = System.nanoTime();
        Path scratch = null;
        io.mediaworker.metrics.StageMetrics.muteOnThisThread(true);
        try {
            scratch = Files.createTempDirectory("media-worker-doctor-");
            Path clip = makeClip(scratch.resolve("clip.mp4"));
            Path profile = Files.writeString(scratch.resolve("profile.json"), TRIAL_PROFILE, StandardCharsets.UTF_8);
            StageContext trialCtx = ctx.withTree(new ContentTree(scratch.resolve("content")), ProgressSink.NONE);
            AssetId id = new IngestStage(trialCtx).run(new IngestStage.Request(new LocalFileSource(clip), Optional.empty())).assetId();
            TranscodeStage.Result t = new TranscodeStage(trialCtx).run(
                    new TranscodeStage.Request(id, Optional.of(profile), false, path, 0));
            QcStage.Result qc = new QcStage(trialCtx).run(new QcStage.Request(id, 0.5));
            return new DoctorReport.Trial(path.name(), true, t.plan().orElseThrow().encoder() + ", QC " + qc.report().verdict()
                    + " (" + qc.report().checks().size() + " checks)", seconds(started));
        } catch (WorkerException | IOException e) {
            return new DoctorReport.Trial(path.name(), false, e.getMessage(), seconds(started));
        } finally {
            io.mediaworker.metrics.StageMetrics.muteOnThisThread(false);
            if (scratch != null) ContentTree.deleteRecursively(scratch);
        }
    }

    /** A 2-second 320x180 clip with a tone, made with encoders every ffmpeg build has (mpeg4, aac). */
    private Path makeClip(Path target) throws IOException {
        List<String> cmd = List.of(ctx.tools().ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=2",
                "-c:v", "mpeg4", "-q:v", "3", "-c:a", "aac", "-shortest", target.toString());
        ProcessResult r = ctx.runner().run(ProcessSpec.capture(cmd, Duration.ofMinutes(1)));
        if (!r.succeeded()) throw new IOException("cannot make the trial clip: " + r.describe());
        return target;
    }

    private List<String> hardwareAccelerations() {
        ProcessResult r = ctx.runner().run(ProcessSpec.capture(
                List.of(ctx.tools().ffmpeg().toString(), "-hide_banner", "-hwaccels"), Duration.ofSeconds(30)));
        if (!r.succeeded()) return List.of();
        return Arrays.stream(r.stdout().split("\n")).map(String::trim)
                .filter(l -> !l.isEmpty() && !l.endsWith(":")).toList();
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1000.0;
    }
}
