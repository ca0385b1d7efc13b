package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.mp4;
import static io.mediaworker.testing.TestMedia.stereoAac;
import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The NVENC argument lists, written out by hand so a person who knows NVENC can read them. The
 * ladders come from {@link LadderPlanner} with the default profile (1080p 5000k, 720p 3000k,
 * 480p 1500k, 360p 800k; peak 1.5x, buffer 2x; 2 s keyframes), as a real transcode plans them.
 */
class GpuTranscodePlannerTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path SOURCE = Path.of("/content/ingest/abc/source.mov");
    private static final Path OUT = Path.of("/content/.work/transcode-abc");
    private static final FfmpegFeatures NVIDIA_BUILD = new FfmpegFeatures(
            Set.of("bwdif", "fps", "split", "scale", "setsar", "format", "zscale", "tonemap",
                    "scale_cuda", "yadif_cuda", "hwdownload", "hwupload_cuda"),
            Set.of("libx264", "libx265", "h264_nvenc", "hevc_nvenc", "aac"));
    private static final FfmpegFeatures WITHOUT_SCALE_CUDA = new FfmpegFeatures(
            Set.of("bwdif", "fps", "split", "scale", "setsar", "format", "zscale", "tonemap", "hwdownload"),
            Set.of("libx264", "libx265", "h264_nvenc", "hevc_nvenc", "aac"));
    private static final String DEMUXERS = "mov,mp4,matroska,webm,avi,mpegts,mpeg,mxf,flv,asf,ogg,wav,w64,aiff,mp3,aac,"
            + "ac3,eac3,flac,dv,gxf,lxf,h264,hevc,m4v,mpegvideo,ivf,yuv4mpegpipe,rm,nut,caf,amr,3gp";
    private static final List<String> HEAD = List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-n",
            "-loglevel", "error", "-nostats", "-progress", "pipe:1");
    private static final List<String> CUDA_DECODE = List.of("-hwaccel", "cuda", "-hwaccel_output_format", "cuda", "-extra_hw_frames", "8");
    private static final List<String> INPUT = List.of(
            "-protocol_whitelist", "file", "-format_whitelist", DEMUXERS, "-i", "file:/content/ingest/abc/source.mov");
    private static final List<String> AAC = List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000");
    /** Every output ends with BT.709 limited-range tags, whatever the source was (it is converted when it is not). */
    private static final List<String> BT709 = List.of("-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-color_range", "tv");
    private static final String ON_GPU = "decoded (NVDEC), scaled (scale_cuda) and encoded (NVENC) on the GPU";
    /** The default ladder's four rungs scaled on the GPU into 8-bit NV12. */
    private static final String GPU_CHAINS = ";[s0]scale_cuda=1920:1080:format=nv12,setsar=1[v0]"
            + ";[s1]scale_cuda=1280:720:format=nv12,setsar=1[v1]"
            + ";[s2]scale_cuda=854:480:format=nv12,setsar=1[v2]"
            + ";[s3]scale_cuda=640:360:format=nv12,setsar=1[v3]";
    /** The same rungs scaled on the CPU, handed to NVENC as 8-bit 4:2:0 system frames. */
    private static final String CPU_CHAINS = ";[s0]scale=1920:1080:out_range=tv,setsar=1,format=yuv420p[v0]"
            + ";[s1]scale=1280:720:out_range=tv,setsar=1,format=yuv420p[v1]"
            + ";[s2]scale=854:480:out_range=tv,setsar=1,format=yuv420p[v2]"
            + ";[s3]scale=640:360:out_range=tv,setsar=1,format=yuv420p[v3]";
    private static final String TONE_MAP = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";

    /** h264_nvenc or hevc_nvenc for one rung: capped VBR, fixed GOP, IDR at the forced keyframes, no scene cuts. */
    private static List<String> nvenc(String encoder, String profile, String kbps, String max, String buf, String gop) {
        List<String> args = new ArrayList<>(List.of("-c:v", encoder, "-preset", "p5", "-tune", "hq", "-profile:v", profile,
                "-rc", "vbr", "-b:v", kbps, "-maxrate", max, "-bufsize", buf, "-g", gop,
                "-forced-idr", "1", "-no-scenecut", "1", "-flags", "+cgop", "-force_key_frames", "expr:gte(t,n_forced*2)"));
        if (encoder.equals("hevc_nvenc")) args.addAll(List.of("-tag:v", "hvc1"));
        return args;
    }

    private static List<String> h264Nvenc(String kbps, String max, String buf, String gop) {
        return nvenc("h264_nvenc", "high", kbps, max, buf, gop);
    }

    private static List<String> x264(String kbps, String max, String buf, String gop) {
        return List.of("-c:v", "libx264", "-preset", "medium", "-profile:v", "high", "-b:v", kbps, "-maxrate", max,
                "-bufsize", buf, "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-flags", "+cgop",
                "-force_key_frames", "expr:gte(t,n_forced*2)");
    }

    private static List<String> mux(String file) {
        return concat(BT709, List.of("-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "1024",
                "-movflags", "+faststart", "-f", "mp4", "file:/content/.work/transcode-abc/" + file));
    }

    private static List<String> map(int rung, Optional<Integer> audio) {
        List<String> args = new ArrayList<>(List.of("-map", "[v" + rung + "]"));
        audio.ifPresent(a -> args.addAll(List.of("-map", "0:" + a)));
        return args;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all;
    }

    private static Ladder defaultLadder(MediaInfo info) {
        return LadderPlanner.plan(info, LadderProfile.DEFAULT);
    }

    private static TranscodePlan gpu(MediaInfo info, Ladder ladder, FfmpegFeatures features, int sessionCap) {
        return GpuTranscodePlanner.plan(FFMPEG, SOURCE, OUT, info, ladder, "NVENC usable on NVIDIA L4", features, sessionCap);
    }

    private static TranscodePlan gpu(MediaInfo info, FfmpegFeatures features) {
        return gpu(info, defaultLadder(info), features, 0);
    }

    private static String filterGraph(TranscodePlan plan) {
        return plan.command().get(plan.command().indexOf("-filter_complex") + 1);
    }

    /** The default ladder's four NVENC outputs at a 50-frame GOP (25 fps), with or without audio. */
    private static List<String> fourNvencOutputs(String gop, Optional<Integer> audio) {
        List<String> aac = audio.isPresent() ? AAC : List.of();
        return concat(
                map(0, audio), h264Nvenc("5000k", "7500k", "10000k", gop), aac, mux("1080p.mp4"),
                map(1, audio), h264Nvenc("3000k", "4500k", "6000k", gop), aac, mux("720p.mp4"),
                map(2, audio), h264Nvenc("1500k", "2250k", "3000k", gop), aac, mux("480p.mp4"),
                map(3, audio), h264Nvenc("800k", "1200k", "1600k", gop), aac, mux("360p.mp4"));
    }

    @Test
    void fullHdH264IsDecodedScaledAndEncodedOnTheGpu() {
        MediaInfo info = mp4(60, video(1920, 1080).build(), stereoAac(1));
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + GPU_CHAINS),
                fourNvencOutputs("50", Optional.of(1))), plan.command());
        assertEquals("h264_nvenc", plan.encoder());
        assertEquals("NVENC usable on NVIDIA L4", plan.encoderReason());
        assertEquals(List.of(ON_GPU), plan.filterGraphNotes());
    }

    @Test
    void tenBitHevcSdrStaysOnTheGpuAndScaleCudaMakesItEightBit() {
        MediaInfo info = mp4(30, video(3840, 2160).codec("hevc").profile("Main 10").pixelFormat("yuv420p10le")
                .colours("bt709", "bt709", "bt709").build());
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + GPU_CHAINS),
                fourNvencOutputs("50", Optional.empty())), plan.command());
        assertEquals(List.of(ON_GPU), plan.filterGraphNotes());
    }

    @Test
    void interlacedSourceIsDeinterlacedOnTheGpuBeforeTheFrameRateIsFixed() {
        Rational ntsc = Rational.of(30000, 1001);
        MediaInfo info = mp4(60, video(1920, 1080).fps(ntsc).fieldOrder(FieldOrder.TOP_FIRST).build(), stereoAac(1));
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        // 2 s at 29.97 fps is 59.94 frames: the GOP rounds up to 60.
        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]yadif_cuda=mode=send_frame:parity=auto:deint=interlaced,fps=30000/1001,"
                        + "split=4[s0][s1][s2][s3]" + GPU_CHAINS),
                fourNvencOutputs("60", Optional.of(1))), plan.command());
        assertEquals(List.of("interlaced source (TOP_FIRST): deinterlaced on the GPU with yadif_cuda, one frame per frame", ON_GPU),
                plan.filterGraphNotes());
    }

    @Test
    void rotatedSourceIsDecodedOnTheCpuAndItsFramesUploadedToNvenc() {
        MediaInfo info = mp4(60, video(1920, 1080).rotation(90).build(), stereoAac(1));
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        // ffmpeg's autorotate turns the decoded picture upright; the rungs are portrait.
        assertEquals(concat(HEAD, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]"
                        + ";[s0]scale=1080:1920:out_range=tv,setsar=1,format=yuv420p[v0]"
                        + ";[s1]scale=720:1280:out_range=tv,setsar=1,format=yuv420p[v1]"
                        + ";[s2]scale=480:854:out_range=tv,setsar=1,format=yuv420p[v2]"
                        + ";[s3]scale=360:640:out_range=tv,setsar=1,format=yuv420p[v3]"),
                fourNvencOutputs("50", Optional.of(1))), plan.command());
        assertEquals("h264_nvenc", plan.encoder());
        assertEquals(List.of("rotation 90° applied",
                "decoded and scaled on the CPU (rotated source: rotation is applied on the CPU), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void hdrSourceIsToneMappedOnTheCpuAndTaggedBt709ForNvenc() {
        MediaInfo info = mp4(30, video(3840, 2160).codec("hevc").profile("Main 10").hdr10().build());
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, INPUT,
                List.of("-filter_complex", "[0:0]" + TONE_MAP + ",fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS),
                fourNvencOutputs("50", Optional.empty())), plan.command());
        assertEquals(List.of("HDR source (smpte2084): tone mapped to SDR BT.709 (hable)",
                "decoded and scaled on the CPU (HDR source: tone mapping runs on the CPU), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void fullRangeSourceIsConvertedToLimitedRangeOnTheCpu() {
        MediaInfo info = mp4(60, video(1920, 1080).pixelFormat("yuvj420p").range("pc").build(), stereoAac(1));
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS),
                fourNvencOutputs("50", Optional.of(1))), plan.command());
        assertEquals(List.of(
                "decoded and scaled on the CPU (full-range source: converted to limited range on the CPU), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void proresFourTwoTwoIsDecodedOnTheCpu() {
        MediaInfo info = mp4(60, video(1920, 1080).codec("prores").profile("HQ").pixelFormat("yuv422p10le").build(), stereoAac(1));
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS),
                fourNvencOutputs("50", Optional.of(1))), plan.command());
        assertEquals(List.of("decoded and scaled on the CPU (NVDEC has no prores decoder), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void h264FourTwoTwoIsDecodedOnTheCpu() {
        MediaInfo info = mp4(60, video(1920, 1080).profile("High 4:2:2").pixelFormat("yuv422p10le").build());
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, INPUT, List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS)),
                plan.command().subList(0, HEAD.size() + INPUT.size() + 2));
        assertEquals(List.of("decoded and scaled on the CPU (NVDEC decodes 4:2:0 only, source is yuv422p10le), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void ffmpegWithoutScaleCudaDecodesOnTheCpuEvenWhenNvdecCould() {
        MediaInfo info = mp4(60, video(1920, 1080).build(), stereoAac(1));
        TranscodePlan plan = gpu(info, WITHOUT_SCALE_CUDA);

        assertEquals(concat(HEAD, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS),
                fourNvencOutputs("50", Optional.of(1))), plan.command());
        assertEquals(List.of("decoded and scaled on the CPU (this ffmpeg has no scale_cuda), frames uploaded to NVENC"),
                plan.filterGraphNotes());
    }

    @Test
    void sessionCapPutsTheSmallestRungsOnLibx264FromTheSameGpuDecode() {
        MediaInfo info = mp4(60, video(1920, 1080).build(), stereoAac(1));
        TranscodePlan plan = gpu(info, defaultLadder(info), NVIDIA_BUILD, 2);

        Optional<Integer> audio = Optional.of(1);
        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=4[s0][s1][s2][s3]"
                        + ";[s0]scale_cuda=1920:1080:format=nv12,setsar=1[v0]"
                        + ";[s1]scale_cuda=1280:720:format=nv12,setsar=1[v1]"
                        + ";[s2]scale_cuda=854:480:format=nv12,hwdownload,format=nv12,format=yuv420p,setsar=1[v2]"
                        + ";[s3]scale_cuda=640:360:format=nv12,hwdownload,format=nv12,format=yuv420p,setsar=1[v3]"),
                map(0, audio), h264Nvenc("5000k", "7500k", "10000k", "50"), AAC, mux("1080p.mp4"),
                map(1, audio), h264Nvenc("3000k", "4500k", "6000k", "50"), AAC, mux("720p.mp4"),
                map(2, audio), x264("1500k", "2250k", "3000k", "50"), AAC, mux("480p.mp4"),
                map(3, audio), x264("800k", "1200k", "1600k", "50"), AAC, mux("360p.mp4")), plan.command());
        assertEquals("h264_nvenc+libx264", plan.encoder());
        assertEquals(List.of(ON_GPU, "NVENC sessions capped at 2: the 2 smallest rung(s) on the CPU"), plan.filterGraphNotes());
    }

    @Test
    void sessionCapOnCpuFramesGivesLibx264TheSameSystemFrames() {
        MediaInfo info = mp4(60, video(1920, 1080).rotation(180).build());
        TranscodePlan plan = gpu(info, defaultLadder(info), NVIDIA_BUILD, 3);

        assertEquals("[0:0]fps=25,split=4[s0][s1][s2][s3]" + CPU_CHAINS, filterGraph(plan));
        assertEquals(List.of("h264_nvenc", "h264_nvenc", "h264_nvenc", "libx264"), valuesOf(plan.command(), "-c:v"));
        assertEquals("h264_nvenc+libx264", plan.encoder());
        assertEquals(List.of("rotation 180° applied",
                "decoded and scaled on the CPU (rotated source: rotation is applied on the CPU), frames uploaded to NVENC",
                "NVENC sessions capped at 3: the 1 smallest rung(s) on the CPU"), plan.filterGraphNotes());
    }

    @Test
    void sessionCapAtOrAboveTheRungCountChangesNothing() {
        MediaInfo info = mp4(60, video(1920, 1080).build(), stereoAac(1));
        Ladder ladder = defaultLadder(info);
        assertEquals(gpu(info, ladder, NVIDIA_BUILD, 0), gpu(info, ladder, NVIDIA_BUILD, 4));
    }

    @Test
    void hevcRungGoesToHevcNvencTaggedHvc1() {
        MediaInfo info = mp4(60, video(1920, 1080).build(), stereoAac(1));
        LadderProfile profile = new LadderProfile("hevc-top",
                List.of(new RungSpec(1080, 4000, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(VideoCodec.HEVC)),
                        RungSpec.of(720, 3000)),
                2.0, 60, "medium", AudioSpec.DEFAULT);
        TranscodePlan plan = gpu(info, LadderPlanner.plan(info, profile), NVIDIA_BUILD, 0);

        Optional<Integer> audio = Optional.of(1);
        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,split=2[s0][s1]"
                        + ";[s0]scale_cuda=1920:1080:format=nv12,setsar=1[v0]"
                        + ";[s1]scale_cuda=1280:720:format=nv12,setsar=1[v1]"),
                map(0, audio),
                List.of("-c:v", "hevc_nvenc", "-preset", "p5", "-tune", "hq", "-profile:v", "main", "-rc", "vbr",
                        "-b:v", "4000k", "-maxrate", "6000k", "-bufsize", "8000k", "-g", "50", "-forced-idr", "1",
                        "-no-scenecut", "1", "-flags", "+cgop", "-force_key_frames", "expr:gte(t,n_forced*2)", "-tag:v", "hvc1"),
                AAC, mux("1080p.mp4"),
                map(1, audio), h264Nvenc("3000k", "4500k", "6000k", "50"), AAC, mux("720p.mp4")), plan.command());
        assertEquals("hevc_nvenc+h264_nvenc", plan.encoder());
    }

    @Test
    void oneRungNeedsNoSplitOnTheGpuEither() {
        MediaInfo info = mp4(10, video(640, 360).build());
        TranscodePlan plan = gpu(info, NVIDIA_BUILD);

        assertEquals(concat(HEAD, CUDA_DECODE, INPUT,
                List.of("-filter_complex", "[0:0]fps=25,scale_cuda=640:360:format=nv12,setsar=1[v0]", "-map", "[v0]"),
                h264Nvenc("800k", "1200k", "1600k", "50"), mux("360p.mp4")), plan.command());
    }

    /** The ladder contract (keyframe instants, GOP, rate control, file names) does not depend on the path. */
    @Test
    void cpuAndGpuPlansMeetTheSameLadderContract() {
        List<MediaInfo> sources = List.of(
                mp4(60, video(1920, 1080).build(), stereoAac(1)),
                mp4(60, video(1920, 1080).fps(Rational.of(30000, 1001)).fieldOrder(FieldOrder.TOP_FIRST).build(), stereoAac(1)),
                mp4(30, video(3840, 2160).codec("hevc").hdr10().build()),
                mp4(60, video(1920, 1080).rotation(90).build()));
        for (MediaInfo info : sources) {
            Ladder ladder = defaultLadder(info);
            List<String> cpu = TranscodePlanner.cpu(FFMPEG, SOURCE, OUT, info, ladder, "cpu", NVIDIA_BUILD).command();
            for (int cap : new int[] {0, 2}) {
                List<String> gpu = gpu(info, ladder, NVIDIA_BUILD, cap).command();
                String what = info.mainVideo().orElseThrow() + ", session cap " + cap;
                for (String option : List.of("-force_key_frames", "-g", "-b:v", "-maxrate", "-bufsize", "-color_trc", "-c:a", "-movflags")) {
                    assertEquals(valuesOf(cpu, option), valuesOf(gpu, option), option + " for " + what);
                }
                assertEquals(outputUrls(cpu), outputUrls(gpu), what);
            }
        }
        // And the values compared are the ones the default ladder calls for, not four empty lists.
        List<String> fullHd = gpu(sources.get(0), NVIDIA_BUILD).command();
        assertEquals(List.of("5000k", "3000k", "1500k", "800k"), valuesOf(fullHd, "-b:v"));
        assertEquals(List.of("7500k", "4500k", "2250k", "1200k"), valuesOf(fullHd, "-maxrate"));
        assertEquals(List.of("10000k", "6000k", "3000k", "1600k"), valuesOf(fullHd, "-bufsize"));
        assertEquals(List.of("50", "50", "50", "50"), valuesOf(fullHd, "-g"));
        assertEquals(List.of("expr:gte(t,n_forced*2)", "expr:gte(t,n_forced*2)", "expr:gte(t,n_forced*2)", "expr:gte(t,n_forced*2)"),
                valuesOf(fullHd, "-force_key_frames"));
        assertEquals(List.of("file:/content/.work/transcode-abc/1080p.mp4", "file:/content/.work/transcode-abc/720p.mp4",
                "file:/content/.work/transcode-abc/480p.mp4", "file:/content/.work/transcode-abc/360p.mp4"), outputUrls(fullHd));
        assertEquals(List.of("60", "60", "60", "60"), valuesOf(gpu(sources.get(1), NVIDIA_BUILD).command(), "-g"));
        assertEquals(List.of("bt709", "bt709", "bt709", "bt709"), valuesOf(gpu(sources.get(2), NVIDIA_BUILD).command(), "-color_trc"));
    }

    /** The argument after each occurrence of {@code option}, in order. */
    private static List<String> valuesOf(List<String> cmd, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < cmd.size() - 1; i++) if (cmd.get(i).equals(option)) values.add(cmd.get(i + 1));
        return values;
    }

    /** The file each {@code -f mp4} writes. */
    private static List<String> outputUrls(List<String> cmd) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < cmd.size() - 1; i++) if (cmd.get(i - 1).equals("-f") && cmd.get(i).equals("mp4")) urls.add(cmd.get(i + 1));
        return urls;
    }
}
