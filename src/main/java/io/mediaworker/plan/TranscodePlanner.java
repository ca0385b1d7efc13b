package io.mediaworker.plan;

import io.mediaworker.ffmpeg.InputArgs;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.VideoStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one ffmpeg command that makes the whole ladder: the source is decoded once, its
 * picture prepared once (deinterlace, tone map, constant frame rate), split, and each branch
 * scaled and encoded into its own MP4. Pure: no files are touched, nothing runs.
 */
public final class TranscodePlanner {
    static final String DEINTERLACE = "bwdif=mode=send_frame:parity=auto:deint=interlaced";
    static final String TONE_MAP = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";

    private TranscodePlanner() {}

    public static TranscodePlan plan(Path ffmpeg, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                                     VideoEncoder encoder, String encoderReason, FfmpegFeatures features) {
        VideoStream video = info.mainVideo().orElseThrow();
        List<String> notes = new ArrayList<>(ladder.notes());
        List<String> prepare = new ArrayList<>();
        List<String> colourTags = List.of();
        if (video.fieldOrder().filter(f -> f.interlaced()).isPresent()) {
            prepare.add(DEINTERLACE);
            notes.add("interlaced source (" + video.fieldOrder().get() + "): deinterlaced with bwdif, one frame per frame");
        }
        if (isHdr(video)) {
            if (features.canToneMap()) {
                prepare.add(TONE_MAP);
                colourTags = List.of("-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709");
                notes.add("HDR source (" + video.colorTransfer().get() + "): tone mapped to SDR BT.709 (hable)");
            } else {
                notes.add("HDR source (" + video.colorTransfer().get() + "): this ffmpeg lacks zscale, converted without tone mapping");
            }
        }
        prepare.add("fps=" + ladder.frameRate());

        List<Rendition> rungs = ladder.renditions();
        StringBuilder graph = new StringBuilder("[0:" + ladder.videoStreamIndex() + "]").append(String.join(",", prepare));
        if (rungs.size() == 1) {
            graph.append(',').append(scale(rungs.get(0), encoder)).append("[v0]");
        } else {
            graph.append(",split=").append(rungs.size());
            for (int i = 0; i < rungs.size(); i++) graph.append("[s").append(i).append(']');
            for (int i = 0; i < rungs.size(); i++) {
                graph.append(";[s").append(i).append(']').append(scale(rungs.get(i), encoder)).append("[v").append(i).append(']');
            }
        }

        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-n",
                "-loglevel", "error", "-nostats", "-progress", "pipe:1"));
        cmd.addAll(InputArgs.forInput(source));
        cmd.addAll(List.of("-filter_complex", graph.toString()));
        for (int i = 0; i < rungs.size(); i++) {
            Rendition r = rungs.get(i);
            cmd.addAll(List.of("-map", "[v" + i + "]"));
            ladder.audioStreamIndex().ifPresent(a -> cmd.addAll(List.of("-map", "0:" + a)));
            cmd.addAll(encoder.videoOptions(r, ladder));
            cmd.addAll(colourTags);
            if (ladder.audioStreamIndex().isPresent()) {
                cmd.addAll(List.of("-c:a", "aac", "-b:a", ladder.audio().bitrateKbps() + "k",
                        "-ac", Integer.toString(ladder.audio().channels()), "-ar", Integer.toString(ladder.audio().sampleRate())));
            }
            cmd.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "1024",
                    "-movflags", "+faststart", "-f", "mp4", InputArgs.url(outputDir.resolve(r.fileName()))));
        }
        return new TranscodePlan(ladder, encoder.ffmpegName(), encoderReason, notes, cmd);
    }

    static boolean isHdr(VideoStream v) {
        return v.colorTransfer().filter(t -> t.equals("smpte2084") || t.equals("arib-std-b67")).isPresent();
    }

    private static String scale(Rendition r, VideoEncoder encoder) {
        return "scale=" + r.size().width() + ":" + r.size().height() + ":out_range=tv,setsar=1," + encoder.finalFilters();
    }
}
