package io.mediaworker.qc;

import static io.mediaworker.testing.TestMedia.mp4;
import static io.mediaworker.testing.TestMedia.stereoAac;
import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.plan.AudioSpec;
import io.mediaworker.plan.FfmpegFeatures;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The analysis command for the 360p rung of a 640x360 25 fps source with stereo audio (stream 1), keyframes every 2 s. */
class AnalysisPlannerTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path RENDITION = Path.of("/content/transcode/abc/360p.mp4");
    private static final Path SOURCE = Path.of("/content/ingest/abc/source.mp4");
    private static final Path SCRATCH = Path.of("/tmp/media-worker-qc-1");
    private static final Rational FPS = Rational.ofInt(25);
    private static final Rendition R360 = new Rendition("360p", "360p.mp4", new Resolution(640, 360), FPS, 500, 750, 1000, "high");
    private static final Rendition R240 = new Rendition("240p", "240p.mp4", new Resolution(426, 240), FPS, 250, 380, 500, "high");
    private static final MediaInfo WITH_AUDIO = mp4(10, video(640, 360).fps(FPS).build(), stereoAac(1));
    private static final FfmpegFeatures NO_VMAF = new FfmpegFeatures(Set.of("fps", "split", "scale", "setsar", "format", "ssim", "psnr"), Set.of("libx264", "aac"));
    private static final String DEMUXERS = "mov,mp4,matroska,webm,avi,mpegts,mpeg,mxf,flv,asf,ogg,wav,w64,aiff,mp3,aac,"
            + "ac3,eac3,flac,dv,gxf,lxf,h264,hevc,m4v,mpegvideo,ivf,yuv4mpegpipe,rm,nut,caf,amr,3gp";
    private static final String REF = "fps=25,scale=640:360:out_range=tv,format=yuv420p,setsar=1,setpts=PTS-STARTPTS,split=2[ref0][ref1]";
    private static final String RENDITION_VIDEO = "[0:v:0]split=3[an][dist][th];"
            + "[an]setpts=PTS-STARTPTS,blackdetect=d=0.1:pix_th=0.10,freezedetect=n=-60dB:d=0.5,idet,metadata=mode=print:file=/tmp/media-worker-qc-1/video.txt[v];"
            + "[dist]setpts=PTS-STARTPTS[d0];[d0][ref0]ssim[d1];[d1][ref1]psnr,metadata=mode=print:file=/tmp/media-worker-qc-1/quality.txt[q];"
            + "[th]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,1.250)',scale=-2:90,tile=8x1:padding=4:margin=4,format=yuvj420p[thumbs]";
    private static final String RENDITION_AUDIO = ";[0:a:0]asetpts=PTS-STARTPTS,ebur128=metadata=1:peak=true:framelog=48,silencedetect=n=-60dB:d=0.5,"
            + "ametadata=mode=print:file=/tmp/media-worker-qc-1/audio.txt[a]";

    private static Ladder ladder(Optional<Integer> audio) {
        return new Ladder(List.of(R360, R240), FPS, 2.0, 50, 0, audio, AudioSpec.DEFAULT, "veryfast", List.of());
    }

    private static List<String> head() {
        return List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-n", "-loglevel", "verbose", "-nostats", "-progress", "pipe:1",
                "-err_detect", "explode",
                "-protocol_whitelist", "file", "-format_whitelist", DEMUXERS, "-i", "file:/content/transcode/abc/360p.mp4",
                "-protocol_whitelist", "file", "-format_whitelist", DEMUXERS, "-i", "file:/content/ingest/abc/source.mp4",
                "-filter_complex");
    }

    private static List<String> expected(String graph, String... sinks) {
        List<String> cmd = new ArrayList<>(head());
        cmd.add(graph);
        for (String s : sinks) cmd.addAll(List.of("-map", "[" + s + "]", "-f", "null", "-"));
        cmd.addAll(List.of("-map", "[thumbs]", "-c:v", "mjpeg", "-q:v", "5", "-update", "1", "-f", "image2", "file:/tmp/media-worker-qc-1/thumbnails.jpg"));
        return cmd;
    }

    private static AnalysisPlanner.Analysis plan(MediaInfo source, Ladder ladder, boolean withSource) {
        return AnalysisPlanner.plan(FFMPEG, RENDITION, R360, SOURCE, source, ladder, NO_VMAF, SCRATCH, withSource, 10.0);
    }

    @Test
    void renditionOnlyWithAudio() {
        AnalysisPlanner.Analysis a = plan(WITH_AUDIO, ladder(Optional.of(1)), false);
        assertEquals(expected("[1:0]" + REF + ";" + RENDITION_VIDEO + RENDITION_AUDIO, "v", "q", "a"), a.command());
        assertFalse(a.withVmaf());
        assertFalse(a.withSourceAnalysis());
        assertEquals(SCRATCH.resolve("video.txt"), a.outputs().video());
    }

    @Test
    void renditionOnlyWithoutAudio() {
        MediaInfo silent = mp4(10, video(640, 360).fps(FPS).build());
        assertEquals(expected("[1:0]" + REF + ";" + RENDITION_VIDEO, "v", "q"), plan(silent, ladder(Optional.empty()), false).command());
    }

    @Test
    void withTheSourcesOwnAnalysis() {
        String graph = "[1:0]split=2[srcref][srcan];"
                + "[srcan]setpts=PTS-STARTPTS,blackdetect=d=0.1:pix_th=0.10,freezedetect=n=-60dB:d=0.5,idet,metadata=mode=print:file=/tmp/media-worker-qc-1/source-video.txt[srcv];"
                + "[srcref]" + REF + ";" + RENDITION_VIDEO + RENDITION_AUDIO
                + ";[1:1]asetpts=PTS-STARTPTS,ebur128=metadata=1:peak=true:framelog=48,silencedetect=n=-60dB:d=0.5,"
                + "ametadata=mode=print:file=/tmp/media-worker-qc-1/source-audio.txt[srca]";
        AnalysisPlanner.Analysis a = plan(WITH_AUDIO, ladder(Optional.of(1)), true);
        assertEquals(expected(graph, "v", "q", "a", "srcv", "srca"), a.command());
        assertTrue(a.withSourceAnalysis());
    }

    @Test
    void withTheSourcesOwnAnalysisWithoutAudio() {
        MediaInfo silent = mp4(10, video(640, 360).fps(FPS).build());
        String graph = "[1:0]split=2[srcref][srcan];"
                + "[srcan]setpts=PTS-STARTPTS,blackdetect=d=0.1:pix_th=0.10,freezedetect=n=-60dB:d=0.5,idet,metadata=mode=print:file=/tmp/media-worker-qc-1/source-video.txt[srcv];"
                + "[srcref]" + REF + ";" + RENDITION_VIDEO;
        assertEquals(expected(graph, "v", "q", "srcv"), plan(silent, ladder(Optional.empty()), true).command());
    }

    @Test
    void errorsAreMadeToSurfaceOnlyForTheRendition() {
        List<String> cmd = plan(WITH_AUDIO, ladder(Optional.of(1)), true).command();
        assertEquals(1, Collections.frequency(cmd, "-err_detect"));
        int explode = cmd.indexOf("-err_detect");
        assertEquals("explode", cmd.get(explode + 1));
        assertTrue(explode < cmd.indexOf("-i") && cmd.indexOf("-i") < cmd.lastIndexOf("-i"), "before the rendition's -i, the first");
        assertEquals("file:/content/transcode/abc/360p.mp4", cmd.get(cmd.indexOf("-i") + 1));
    }

    @Test
    void vmafWhereTheFfmpegHasIt() {
        FfmpegFeatures withVmaf = new FfmpegFeatures(Set.of("fps", "split", "scale", "setsar", "format", "libvmaf"), Set.of("libx264"));
        AnalysisPlanner.Analysis a = AnalysisPlanner.plan(FFMPEG, RENDITION, R360, SOURCE, WITH_AUDIO, ladder(Optional.of(1)), withVmaf, SCRATCH, false, 10.0);
        assertTrue(a.withVmaf());
        String graph = a.command().get(a.command().indexOf("-filter_complex") + 1);
        assertTrue(graph.contains("split=3[ref0][ref1][ref2]"), graph);
        assertTrue(graph.contains("[d1][ref1]psnr[d2];[d2][ref2]libvmaf=log_fmt=json:log_path=/tmp/media-worker-qc-1/vmaf.json,metadata=mode=print"), graph);
    }

    @Test
    void theScratchFolderMustBeAPlainPath() {
        for (String bad : List.of("/tmp/a b", "/tmp/x;[0:v]", "/tmp/x:y", "/tmp/x'y", "/tmp/x,y")) {
            assertThrows(IllegalArgumentException.class, () -> AnalysisPlanner.plan(FFMPEG, RENDITION, R360, SOURCE, WITH_AUDIO,
                    ladder(Optional.of(1)), NO_VMAF, Path.of(bad), false, 10.0), bad);
        }
    }
}
