package io.mediaworker.qc;

import io.mediaworker.ffmpeg.InputArgs;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.plan.FfmpegFeatures;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import io.mediaworker.plan.TranscodePlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Plans the one ffmpeg run that analyses a rendition: its single decode feeds black, freeze and
 * interlace detection, silence and EBU R128 loudness, SSIM and PSNR (and VMAF where the ffmpeg has
 * libvmaf) against the source prepared and scaled exactly as the transcode did, and a contact sheet.
 * The first run also analyses the source itself, once, so renditions are blamed only for what
 * they add. Pure: paths in, argument list out.
 *
 * <p>Errors in the rendition's decoder are made to surface as "Error while decoding stream #0:N"
 * ({@code -err_detect explode} on that input only), so they can be told apart from the source's.
 */
public final class AnalysisPlanner {
    static final String BLACK = "blackdetect=d=0.1:pix_th=0.10";
    static final String FREEZE = "freezedetect=n=-60dB:d=0.5";
    static final String SILENCE = "silencedetect=n=-60dB:d=0.5";
    static final String LOUDNESS = "ebur128=metadata=1:peak=true:framelog=48";
    static final int THUMBNAILS = 8;
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

    /** The files a run writes into its scratch folder. */
    public record Outputs(Path video, Path audio, Path quality, Path vmaf, Path thumbnails, Path sourceVideo, Path sourceAudio) {
        static Outputs in(Path dir) {
            return new Outputs(dir.resolve("video.txt"), dir.resolve("audio.txt"), dir.resolve("quality.txt"), dir.resolve("vmaf.json"),
                    dir.resolve("thumbnails.jpg"), dir.resolve("source-video.txt"), dir.resolve("source-audio.txt"));
        }
    }

    public record Analysis(List<String> command, Outputs outputs, boolean withVmaf, boolean withSourceAnalysis) {}

    private AnalysisPlanner() {}

    public static Analysis plan(Path ffmpeg, Path rendition, Rendition planned, Path source, MediaInfo sourceInfo, Ladder ladder,
                                FfmpegFeatures features, Path scratch, boolean analyseSource, double durationSeconds) {
        if (!SAFE_PATH.matcher(scratch.toString()).matches()) {
            throw new IllegalArgumentException("scratch folder must be a plain path (it goes into a filter graph): " + scratch);
        }
        Outputs out = Outputs.in(scratch);
        boolean vmaf = features.filters().contains("libvmaf");
        boolean renditionAudio = ladder.audioStreamIndex().isPresent();
        List<String> graph = new ArrayList<>();

        List<String> ref = new ArrayList<>(TranscodePlanner.sourcePreparation(sourceInfo.mainVideo().orElseThrow(), ladder, features));
        ref.add(TranscodePlanner.referenceScale(sourceInfo.mainVideo().orElseThrow(), ladder, features, planned.size()));
        ref.add("format=yuv420p");
        ref.add("setsar=1");
        ref.add("setpts=PTS-STARTPTS");
        int refCopies = vmaf ? 3 : 2;
        String sourceVideo = "[1:" + ladder.videoStreamIndex() + "]";
        if (analyseSource) {
            graph.add(sourceVideo + "split=2[srcref][srcan]");
            graph.add("[srcan]setpts=PTS-STARTPTS," + BLACK + "," + FREEZE + ",idet," + print("metadata", out.sourceVideo()) + "[srcv]");
            sourceVideo = "[srcref]";
        }
        graph.add(sourceVideo + String.join(",", ref) + ",split=" + refCopies + labels("ref", refCopies));
        graph.add("[0:v:0]split=3[an][dist][th]");
        graph.add("[an]setpts=PTS-STARTPTS," + BLACK + "," + FREEZE + ",idet," + print("metadata", out.video()) + "[v]");
        String quality = "[dist]setpts=PTS-STARTPTS[d0];[d0][ref0]ssim[d1];[d1][ref1]psnr";
        if (vmaf) quality += "[d2];[d2][ref2]libvmaf=log_fmt=json:log_path=" + out.vmaf();
        graph.add(quality + "," + print("metadata", out.quality()) + "[q]");
        double interval = Math.max(durationSeconds / THUMBNAILS, 0.04);
        graph.add("[th]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\," + String.format(Locale.ROOT, "%.3f", interval)
                + ")',scale=-2:90,tile=" + THUMBNAILS + "x1:padding=4:margin=4,format=yuvj420p[thumbs]");
        if (renditionAudio) graph.add("[0:a:0]asetpts=PTS-STARTPTS," + LOUDNESS + "," + SILENCE + "," + print("ametadata", out.audio()) + "[a]");
        if (analyseSource && renditionAudio) {
            graph.add("[1:" + ladder.audioStreamIndex().get() + "]asetpts=PTS-STARTPTS," + LOUDNESS + "," + SILENCE + ","
                    + print("ametadata", out.sourceAudio()) + "[srca]");
        }

        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-n", "-loglevel", "verbose",
                "-nostats", "-progress", "pipe:1"));
        cmd.addAll(List.of("-err_detect", "explode"));
        cmd.addAll(InputArgs.forInput(rendition));
        cmd.addAll(InputArgs.forInput(source));
        cmd.addAll(List.of("-filter_complex", String.join(";", graph)));
        for (String sink : sinks(analyseSource, renditionAudio)) cmd.addAll(List.of("-map", "[" + sink + "]", "-f", "null", "-"));
        cmd.addAll(List.of("-map", "[thumbs]", "-c:v", "mjpeg", "-q:v", "5", "-update", "1", "-f", "image2", InputArgs.url(out.thumbnails())));
        return new Analysis(cmd, out, vmaf, analyseSource);
    }

    private static List<String> sinks(boolean analyseSource, boolean audio) {
        List<String> sinks = new ArrayList<>(List.of("v", "q"));
        if (audio) sinks.add("a");
        if (analyseSource) sinks.add("srcv");
        if (analyseSource && audio) sinks.add("srca");
        return sinks;
    }

    private static String print(String filter, Path file) {
        return filter + "=mode=print:file=" + file;
    }

    private static String labels(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append('[').append(prefix).append(i).append(']');
        return sb.toString();
    }
}
