package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.mp4;
import static io.mediaworker.testing.TestMedia.stereoAac;
import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.TransientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact argument lists, written out by hand: any change to what ffmpeg is asked to do shows up here. */
class TranscodePlannerTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path SOURCE = Path.of("/content/ingest/abc/source.mov");
    private static final Path OUT = Path.of("/content/.work/transcode-abc");
    private static final FfmpegFeatures FULL = new FfmpegFeatures(
            Set.of("bwdif", "fps", "split", "scale", "setsar", "format", "zscale", "tonemap"), Set.of("libx264", "aac"));
    private static final FfmpegFeatures NO_ZIMG = new FfmpegFeatures(
            Set.of("bwdif", "fps", "split", "scale", "setsar", "format", "tonemap"), Set.of("libx264", "aac"));
    private static final String DEMUXERS = "mov,mp4,matroska,webm,avi,mpegts,mpeg,mxf,flv,asf,ogg,wav,w64,aiff,mp3,aac,"
            + "ac3,eac3,flac,dv,gxf,lxf,h264,hevc,m4v,mpegvideo,ivf,yuv4mpegpipe,rm,nut,caf,amr,3gp";
    private static final List<String> HEAD = List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-n",
            "-loglevel", "error", "-nostats", "-progress", "pipe:1",
            "-protocol_whitelist", "file", "-format_whitelist", DEMUXERS, "-i", "file:/content/ingest/abc/source.mov");
    private static final List<String> AAC = List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000");
    /** Every output ends with BT.709 limited-range tags, whatever the source was (it is converted when it is not). */
    private static final List<String> BT709 = List.of("-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-color_range", "tv");

    private static Rendition rendition(int height, int w, int h, Rational rate, int kbps) {
        return new Rendition(height + "p", height + "p.mp4", new Resolution(w, h), rate, kbps, kbps * 3 / 2, kbps * 2, "high");
    }

    private static Ladder fourRungs(Rational rate, int gop, Optional<Integer> audio) {
        return new Ladder(List.of(rendition(1080, 1920, 1080, rate, 5000), rendition(720, 1280, 720, rate, 3000),
                rendition(480, 854, 480, rate, 1500), rendition(360, 640, 360, rate, 800)),
                rate, 2.0, gop, 0, audio, AudioSpec.DEFAULT, "medium", List.of());
    }

    /** libx264's options for one rung, as X264Encoder documents them. */
    private static List<String> x264(String profile, String kbps, String max, String buf, String gop, String interval) {
        return List.of("-c:v", "libx264", "-preset", "medium", "-profile:v", profile, "-b:v", kbps, "-maxrate", max,
                "-bufsize", buf, "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-flags", "+cgop",
                "-force_key_frames", "expr:gte(t,n_forced*" + interval + ")");
    }

    private static List<String> mux(String file) {
        return concat(BT709, List.of("-map_metadata", "-1", "-map_chapters", "-1", "-max_muxing_queue_size", "1024",
                "-movflags", "+faststart", "-f", "mp4", "file:/content/.work/transcode-abc/" + file));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all;
    }

    private static TranscodePlan plan(MediaInfo info, Ladder ladder, FfmpegFeatures features) {
        return TranscodePlanner.plan(FFMPEG, SOURCE, OUT, info, ladder, new X264Encoder(), "no GPU encoder available", features);
    }

    @Test
    void fullHdWithStereoAudioDecodesOnceAndEncodesFourRungs() {
        Rational ntsc = Rational.of(30000, 1001);
        MediaInfo info = mp4(60, video(1920, 1080).fps(ntsc).build(), stereoAac(1));
        TranscodePlan plan = plan(info, fourRungs(ntsc, 60, Optional.of(1)), FULL);

        String graph = "[0:0]fps=30000/1001,split=4[s0][s1][s2][s3]"
                + ";[s0]scale=1920:1080:out_range=tv,setsar=1,format=yuv420p[v0]"
                + ";[s1]scale=1280:720:out_range=tv,setsar=1,format=yuv420p[v1]"
                + ";[s2]scale=854:480:out_range=tv,setsar=1,format=yuv420p[v2]"
                + ";[s3]scale=640:360:out_range=tv,setsar=1,format=yuv420p[v3]";
        assertEquals(concat(HEAD, List.of("-filter_complex", graph),
                List.of("-map", "[v0]", "-map", "0:1"), x264("high", "5000k", "7500k", "10000k", "60", "2"), AAC, mux("1080p.mp4"),
                List.of("-map", "[v1]", "-map", "0:1"), x264("high", "3000k", "4500k", "6000k", "60", "2"), AAC, mux("720p.mp4"),
                List.of("-map", "[v2]", "-map", "0:1"), x264("high", "1500k", "2250k", "3000k", "60", "2"), AAC, mux("480p.mp4"),
                List.of("-map", "[v3]", "-map", "0:1"), x264("high", "800k", "1200k", "1600k", "60", "2"), AAC, mux("360p.mp4")),
                plan.command());
        assertEquals("libx264", plan.encoder());
        assertEquals("no GPU encoder available", plan.encoderReason());
        assertEquals(List.of(), plan.filterGraphNotes());
    }

    @Test
    void sourceWithoutAudioMapsOnlyVideo() {
        Rational fps = Rational.ofInt(25);
        TranscodePlan plan = plan(mp4(10, video(1920, 1080).build()), fourRungs(fps, 50, Optional.empty()), FULL);
        String graph = "[0:0]fps=25,split=4[s0][s1][s2][s3]"
                + ";[s0]scale=1920:1080:out_range=tv,setsar=1,format=yuv420p[v0]"
                + ";[s1]scale=1280:720:out_range=tv,setsar=1,format=yuv420p[v1]"
                + ";[s2]scale=854:480:out_range=tv,setsar=1,format=yuv420p[v2]"
                + ";[s3]scale=640:360:out_range=tv,setsar=1,format=yuv420p[v3]";
        assertEquals(concat(HEAD, List.of("-filter_complex", graph),
                List.of("-map", "[v0]"), x264("high", "5000k", "7500k", "10000k", "50", "2"), mux("1080p.mp4"),
                List.of("-map", "[v1]"), x264("high", "3000k", "4500k", "6000k", "50", "2"), mux("720p.mp4"),
                List.of("-map", "[v2]"), x264("high", "1500k", "2250k", "3000k", "50", "2"), mux("480p.mp4"),
                List.of("-map", "[v3]"), x264("high", "800k", "1200k", "1600k", "50", "2"), mux("360p.mp4")),
                plan.command());
    }

    @Test
    void singleRungNeedsNoSplitAndUsesTheStreamIndexesOfTheSource() {
        // Audio first, video second: the graph reads 0:1 and the audio map is 0:0. A 2.5 s interval at 25 fps.
        Rational fps = Rational.ofInt(25);
        MediaInfo info = mp4(10, video(426, 240).index(1).build(), stereoAac(0));
        Ladder ladder = new Ladder(List.of(new Rendition("240p", "240p.mp4", new Resolution(426, 240), fps, 360, 540, 720, "main")),
                fps, 2.5, 63, 1, Optional.of(0), AudioSpec.DEFAULT, "veryfast", List.of("small source"));
        TranscodePlan plan = plan(info, ladder, FULL);
        assertEquals(concat(HEAD,
                List.of("-filter_complex", "[0:1]fps=25,scale=426:240:out_range=tv,setsar=1,format=yuv420p[v0]",
                        "-map", "[v0]", "-map", "0:0",
                        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-b:v", "360k", "-maxrate", "540k",
                        "-bufsize", "720k", "-g", "63", "-keyint_min", "63", "-sc_threshold", "0", "-flags", "+cgop",
                        "-force_key_frames", "expr:gte(t,n_forced*2.5)"),
                AAC, mux("240p.mp4")), plan.command());
        assertEquals(List.of("small source"), plan.filterGraphNotes());
    }

    @Test
    void interlacedSourceIsDeinterlacedBeforeAnythingElse() {
        Rational fps = Rational.ofInt(25);
        MediaInfo info = mp4(10, video(1920, 1080).fieldOrder(FieldOrder.TOP_FIRST).build(), stereoAac(1));
        TranscodePlan plan = plan(info, fourRungs(fps, 50, Optional.of(1)), FULL);
        assertEquals("[0:0]bwdif=mode=send_frame:parity=auto:deint=interlaced,fps=25,split=4[s0][s1][s2][s3]"
                + ";[s0]scale=1920:1080:out_range=tv,setsar=1,format=yuv420p[v0]"
                + ";[s1]scale=1280:720:out_range=tv,setsar=1,format=yuv420p[v1]"
                + ";[s2]scale=854:480:out_range=tv,setsar=1,format=yuv420p[v2]"
                + ";[s3]scale=640:360:out_range=tv,setsar=1,format=yuv420p[v3]", filterGraph(plan));
        assertEquals(List.of("interlaced source (TOP_FIRST): deinterlaced with bwdif, one frame per frame"), plan.filterGraphNotes());
    }

    @Test
    void hdrSourceIsToneMappedAndTaggedBt709WhenZscaleIsThere() {
        Rational fps = Rational.ofInt(25);
        MediaInfo info = mp4(10, video(426, 240).hdr10().build());
        Ladder ladder = new Ladder(List.of(rendition(240, 426, 240, fps, 360)), fps, 2.0, 50, 0, Optional.empty(),
                AudioSpec.DEFAULT, "medium", List.of());
        TranscodePlan plan = plan(info, ladder, FULL);
        assertEquals(concat(HEAD,
                List.of("-filter_complex", "[0:0]zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
                        + "tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,fps=25,"
                        + "scale=426:240:out_range=tv,setsar=1,format=yuv420p[v0]", "-map", "[v0]"),
                x264("high", "360k", "540k", "720k", "50", "2"), mux("240p.mp4")), plan.command());
        assertEquals(List.of("HDR source (smpte2084): tone mapped to SDR BT.709 (hable)"), plan.filterGraphNotes());
    }

    @Test
    void hdrSourceWithoutZscaleIsRefusedAsTheHostsFaultNotConvertedWithWrongColours() {
        Rational fps = Rational.ofInt(25);
        MediaInfo info = mp4(10, video(426, 240).hdr10().build());
        Ladder ladder = new Ladder(List.of(rendition(240, 426, 240, fps, 360)), fps, 2.0, 50, 0, Optional.empty(),
                AudioSpec.DEFAULT, "medium", List.of());
        TransientException e = assertThrows(TransientException.class, () -> plan(info, ladder, NO_ZIMG));
        assertEquals(4, e.exitCode().code(), e.getMessage());
        assertTrue(e.getMessage().contains("smpte2084") && e.getMessage().contains("zscale"), e.getMessage());
    }

    @Test
    void interlacedHdrIsDeinterlacedThenToneMapped() {
        Rational fps = Rational.ofInt(25);
        MediaInfo info = mp4(10, video(426, 240).hdr10().fieldOrder(FieldOrder.BOTTOM_FIRST).build());
        Ladder ladder = new Ladder(List.of(rendition(240, 426, 240, fps, 360)), fps, 2.0, 50, 0, Optional.empty(),
                AudioSpec.DEFAULT, "medium", List.of());
        assertEquals("[0:0]bwdif=mode=send_frame:parity=auto:deint=interlaced,zscale=t=linear:npl=100,format=gbrpf32le,"
                + "zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,fps=25,"
                + "scale=426:240:out_range=tv,setsar=1,format=yuv420p[v0]", filterGraph(plan(info, ladder, FULL)));
    }

    @Test
    void fileNamesThatLookLikeOptionsOrUrlsStayFileNames() {
        Path odd = Path.of("/content/ingest/abc/-y http:x.mov");
        Rational fps = Rational.ofInt(25);
        Ladder ladder = new Ladder(List.of(rendition(240, 426, 240, fps, 360)), fps, 2.0, 50, 0, Optional.empty(),
                AudioSpec.DEFAULT, "medium", List.of());
        List<String> cmd = TranscodePlanner.plan(FFMPEG, odd, Path.of("/content/.work/../.work/t"), mp4(10, video(426, 240).build()),
                ladder, new X264Encoder(), "cpu", FULL).command();
        assertEquals("file:/content/ingest/abc/-y http:x.mov", cmd.get(cmd.indexOf("-i") + 1));
        assertEquals("file:/content/.work/t/240p.mp4", cmd.get(cmd.size() - 1)); // normalised
    }

    @Test
    void commandLineQuotesOnlyWhatTheShellWouldSplitOrExpand() {
        TranscodePlan plan = new TranscodePlan(fourRungs(Rational.ofInt(25), 50, Optional.empty()), "libx264", "cpu", List.of(),
                List.of("/usr/bin/ffmpeg", "-i", "file:/a b/it's.mov", "-filter_complex", "[0:0]fps=25[v0]",
                        "-force_key_frames", "expr:gte(t,n_forced*2)", "-movflags", "+faststart", "-b:v", "5000k", ""));
        assertEquals("/usr/bin/ffmpeg -i 'file:/a b/it'\\''s.mov' -filter_complex '[0:0]fps=25[v0]' "
                + "-force_key_frames 'expr:gte(t,n_forced*2)' -movflags +faststart -b:v 5000k ''", plan.commandLine());
    }

    private static String filterGraph(TranscodePlan plan) {
        return plan.command().get(plan.command().indexOf("-filter_complex") + 1);
    }
}
