package io.mediaworker.plan;

import io.mediaworker.ffmpeg.InputArgs;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.VideoStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the NVENC variant of the one-command ladder. Pure. Two shapes:
 *
 * <ul>
 *   <li><b>all on the GPU</b> when NVDEC can decode the source ({@link NvdecSupport}) and the ffmpeg
 *   has {@code scale_cuda}: {@code -hwaccel cuda -hwaccel_output_format cuda}, {@code yadif_cuda}
 *   for interlaced sources, {@code fps} and {@code split} on CUDA frames, {@code scale_cuda} to each
 *   rung converting to 8-bit NV12 (10-bit sources cannot go into H.264 as they are);</li>
 *   <li><b>CPU frames</b> otherwise: decoded, prepared and scaled exactly as the CPU plan does
 *   (8-bit 4:2:0, limited range, even sizes), then handed to NVENC, which uploads them.</li>
 * </ul>
 *
 * Keyframe timing, rate control and container settings are the CPU plan's, so either path meets
 * the same ladder contract. {@code sessionCap} limits NVENC sessions (consumer cards allow a few):
 * rungs beyond it, the smallest, are encoded on the CPU in the same process from the same decode.
 */
public final class GpuTranscodePlanner {
    static final List<String> CUDA_DECODE = List.of("-hwaccel", "cuda", "-hwaccel_output_format", "cuda", "-extra_hw_frames", "8");
    static final String DEINTERLACE_CUDA = "yadif_cuda=mode=send_frame:parity=auto:deint=interlaced";

    private GpuTranscodePlanner() {}

    /** @param sessionCap the most NVENC sessions to open; 0 means no cap */
    public static TranscodePlan plan(Path ffmpeg, Path source, Path outputDir, MediaInfo info, Ladder ladder,
                                     String encoderReason, FfmpegFeatures features, int sessionCap) {
        VideoStream video = info.mainVideo().orElseThrow();
        Optional<String> cpuDecodeReason = NvdecSupport.whyNot(video)
                .or(() -> features.filters().contains("scale_cuda") ? Optional.empty() : Optional.of("this ffmpeg has no scale_cuda"));
        List<Rendition> rungs = ladder.renditions();
        List<VideoEncoder> encoders = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            boolean onNvenc = sessionCap <= 0 || i < sessionCap;
            encoders.add(onNvenc ? Encoders.nvenc(rungs.get(i).codec()) : Encoders.cpu(rungs.get(i).codec()));
        }

        TranscodePlanner.Preparation prep;
        List<String> chains = new ArrayList<>();
        List<String> cmd = new ArrayList<>(TranscodePlanner.head(ffmpeg));
        if (cpuDecodeReason.isEmpty()) {
            prep = onGpu(video, ladder);
            for (int i = 0; i < rungs.size(); i++) {
                Rendition r = rungs.get(i);
                String scale = "scale_cuda=" + r.size().width() + ":" + r.size().height() + ":format=nv12";
                boolean download = !(encoders.get(i) instanceof NvencEncoder);
                chains.add(scale + (download ? ",hwdownload,format=nv12," + encoders.get(i).finalFilters() : "") + ",setsar=1");
            }
            cmd.addAll(CUDA_DECODE);
        } else {
            prep = TranscodePlanner.Preparation.onCpu(video, ladder, features);
            prep.notes().add("decoded and scaled on the CPU (" + cpuDecodeReason.get() + "), frames uploaded to NVENC");
            for (int i = 0; i < rungs.size(); i++) {
                String last = encoders.get(i) instanceof NvencEncoder ? "format=yuv420p" : encoders.get(i).finalFilters();
                chains.add(TranscodePlanner.cpuScale(rungs.get(i), prep) + "," + last);
            }
        }
        if (sessionCap > 0 && rungs.size() > sessionCap) {
            prep.notes().add("NVENC sessions capped at " + sessionCap + ": the " + (rungs.size() - sessionCap) + " smallest rung(s) on the CPU");
        }
        cmd.addAll(InputArgs.forInput(source));
        cmd.addAll(List.of("-filter_complex", TranscodePlanner.graph(ladder, prep.filters(), chains)));
        for (int i = 0; i < rungs.size(); i++) {
            cmd.addAll(TranscodePlanner.outputArgs(i, rungs.get(i), ladder, encoders.get(i), outputDir));
        }
        return new TranscodePlan(ladder, TranscodePlanner.encoderNames(encoders), encoderReason, prep.notes(), cmd);
    }

    private static TranscodePlanner.Preparation onGpu(VideoStream video, Ladder ladder) {
        List<String> notes = new ArrayList<>(ladder.notes());
        List<String> filters = new ArrayList<>();
        if (video.fieldOrder().filter(f -> f.interlaced()).isPresent()) {
            filters.add(DEINTERLACE_CUDA);
            notes.add("interlaced source (" + video.fieldOrder().get() + "): deinterlaced on the GPU with yadif_cuda, one frame per frame");
        }
        filters.add("fps=" + ladder.frameRate());
        notes.add("decoded (NVDEC), scaled (scale_cuda) and encoded (NVENC) on the GPU");
        return new TranscodePlanner.Preparation(filters, notes, "");
    }
}
