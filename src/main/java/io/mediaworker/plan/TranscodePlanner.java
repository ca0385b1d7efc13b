package io.mediaworker.plan;

import io.mediaworker.ffmpeg.InputArgs;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.VideoStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the one ffmpeg command that makes the whole ladder on the CPU: the source is decoded
 * once, its picture prepared once (deinterlace, tone map, constant frame rate), split, and each
 * branch scaled and encoded into its own MP4. Pure: no files are touched, nothing runs.
 * {@link GpuTranscodePlanner} builds the NVENC variant from the same parts.
 */
public final class TranscodePlanner {
    static final String DEINTERLACE = "bwdif=mode=send_frame:parity=auto:deint=interlaced";
    static final String TONE_MAP = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";
    /** Every rendition is tagged BT.709 limited range: the picture is converted to it when the source is not. */
    static final List<String> BT709_TAGS = List.of("-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-color_range", "tv");

    private TranscodePlanner() {}

    /** The CPU plan with the encoder each rung's codec calls for (libx264 or libx265). */
    public static TranscodePlan cpu(Path ffmpeg, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                                    String encoderReason, FfmpegFeatures features) {
        return plan(ffmpeg, source, outputDir, info, ladder, r -> Encoders.cpu(r.codec()), encoderReason, features);
    }

    /** The CPU plan with one encoder for every rung. */
    public static TranscodePlan plan(Path ffmpeg, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                                     VideoEncoder encoder, String encoderReason, FfmpegFeatures features) {
        return plan(ffmpeg, source, outputDir, info, ladder, r -> encoder, encoderReason, features);
    }

    static TranscodePlan plan(Path ffmpeg, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                              Function<Rendition, VideoEncoder> encoders, String encoderReason, FfmpegFeatures features) {
        Preparation prep = Preparation.onCpu(info.mainVideo().orElseThrow(), ladder, features);
        List<String> chains = new ArrayList<>();
        for (Rendition r : ladder.renditions()) chains.add(cpuScale(r, prep) + "," + encoders.apply(r).finalFilters());
        List<String> cmd = new ArrayList<>(head(ffmpeg));
        cmd.addAll(InputArgs.forInput(source));
        cmd.addAll(List.of("-filter_complex", graph(ladder, prep.filters(), chains)));
        List<VideoEncoder> used = new ArrayList<>();
        for (int i = 0; i < ladder.renditions().size(); i++) {
            Rendition r = ladder.renditions().get(i);
            VideoEncoder e = encoders.apply(r);
            used.add(e);
            cmd.addAll(outputArgs(i, r, ladder, e, outputDir));
        }
        return new TranscodePlan(ladder, encoderNames(used), encoderReason, prep.notes(), cmd);
    }

    /**
     * The filters the transcode ran once on the source picture (deinterlace, tone map, constant
     * rate): QC prepares its reference frames the same way before comparing.
     */
    public static List<String> sourcePreparation(VideoStream video, Ladder ladder, FfmpegFeatures features) {
        return Preparation.onCpu(video, ladder, features).filters();
    }

    /** The rung-size scale of the source prepared as above, with the same colour conversion: QC's reference picture. */
    public static String referenceScale(VideoStream video, Ladder ladder, FfmpegFeatures features, io.mediaworker.model.Resolution size) {
        return "scale=" + size.width() + ":" + size.height() + Preparation.onCpu(video, ladder, features).scaleColour() + ":out_range=tv";
    }

    static List<String> head(Path ffmpeg) {
        return List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-n", "-loglevel", "error", "-nostats", "-progress", "pipe:1");
    }

    /** {@code [0:N]prepare,split=K[s0]..;[s0]chain0[v0];..}, or without split for one rung. */
    static String graph(Ladder ladder, List<String> prepare, List<String> chains) {
        StringBuilder graph = new StringBuilder("[0:" + ladder.videoStreamIndex() + "]").append(String.join(",", prepare));
        if (chains.size() == 1) return graph.append(',').append(chains.get(0)).append("[v0]").toString();
        graph.append(",split=").append(chains.size());
        for (int i = 0; i < chains.size(); i++) graph.append("[s").append(i).append(']');
        for (int i = 0; i < chains.size(); i++) {
            graph.append(";[s").append(i).append(']').append(chains.get(i)).append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    /** Everything after the filter graph for output {@code i}: maps, encoders, container. */
    static List<String> outputArgs(int i, Rendition r, Ladder ladder, VideoEncoder encoder, Path outputDir) {
        List<String> args = new ArrayList<>(List.of("-map", "[v" + i + "]"));
        ladder.audioStreamIndex().ifPresent(a -> args.addAll(List.of("-map", "0:" + a)));
        args.addAll(encoder.videoOptions(r, ladder));
        if (ladder.audioStreamIndex().isPresent()) {
            args.addAll(List.of("-c:a", "aac", "-b:a", ladder.audio().bitrateKbps() + "k",
                    "-ac", Integer.toString(ladder.audio().channels()), "-ar", Integer.toString(ladder.audio().sampleRate())));
        }
        args.addAll(BT709_TAGS);
        args.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "1024",
                "-movflags", "+faststart", "-f", "mp4", InputArgs.url(outputDir.resolve(r.fileName()))));
        return args;
    }

    /** Scales one rung on the CPU to limited range, converting the matrix when the preparation says so. */
    static String cpuScale(Rendition r, Preparation prep) {
        return "scale=" + r.size().width() + ":" + r.size().height() + prep.scaleColour() + ":out_range=tv,setsar=1";
    }

    static String encoderNames(List<VideoEncoder> used) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (VideoEncoder e : used) names.add(e.ffmpegName());
        return String.join("+", names);
    }

    static boolean isHdr(VideoStream v) {
        return v.colorTransfer().filter(t -> t.equals("smpte2084") || t.equals("arib-std-b67")).isPresent();
    }

    /**
     * The filters that run once on the source picture, what they mean for a person, and the colour
     * options each rung's {@code scale} adds (a matrix conversion swscale does during the resize).
     */
    record Preparation(List<String> filters, List<String> notes, String scaleColour) {

        static Preparation onCpu(VideoStream video, Ladder ladder, FfmpegFeatures features) {
            List<String> notes = new ArrayList<>(ladder.notes());
            List<String> filters = new ArrayList<>();
            String scaleColour = "";
            if (video.fieldOrder().filter(f -> f.interlaced()).isPresent()) {
                filters.add(DEINTERLACE);
                notes.add("interlaced source (" + video.fieldOrder().get() + "): deinterlaced with bwdif, one frame per frame");
            }
            if (isHdr(video)) {
                if (!features.canToneMap()) {
                    // Converting PQ/HLG to 8-bit without tone mapping gives a washed-out picture under SDR tags:
                    // refuse rather than deliver wrong colours. The host's ffmpeg is at fault, not the media.
                    throw new TransientException("HDR source (" + video.colorTransfer().get() + ") needs tone mapping, and this "
                            + "ffmpeg has no zscale filter (libzimg): use an ffmpeg built with it (the Docker images' has it)");
                }
                filters.add(TONE_MAP);
                notes.add("HDR source (" + video.colorTransfer().get() + "): tone mapped to SDR BT.709 (hable)");
            } else {
                ColourConversion c = ColourConversion.toBt709(video, features);
                filters.addAll(c.filters());
                scaleColour = c.scaleOptions();
                c.note().ifPresent(notes::add);
            }
            filters.add("fps=" + ladder.frameRate());
            return new Preparation(filters, notes, scaleColour);
        }
    }
}
