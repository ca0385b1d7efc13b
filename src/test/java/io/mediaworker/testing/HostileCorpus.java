package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The hostile and odd sources of the corpus test, made with the system ffmpeg in one folder: small
 * (320x180 or less, 2 s or less, except where a case needs more) so a 2-core machine copes. Each
 * method says what the file holds; the test states what must come of it. Files are made once per
 * folder and reused. Generation failures fail the test with ffmpeg's stderr.
 */
public final class HostileCorpus {
    /** A sine per audio track, so a test can tell which track a rendition carries by its pitch. */
    public static final int FRENCH_HZ = 300, ENGLISH_HZ = 500, COMMENTARY_HZ = 700, GERMAN_HZ = 900;
    private static final String TESTSRC = "testsrc2=size=320x180:rate=25:duration=2";
    /** testsrc2 as BT.709 limited range with the tags set, so zscale knows what it converts from. */
    private static final String AS_BT709 = "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv";

    private final Path dir;

    public HostileCorpus(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    // --- pictures --------------------------------------------------------------------------------

    /** MP4, H.264 320x180 25 fps + AAC stereo 48 kHz, 2 s, index first: the control case. */
    public Path baseline() {
        return make("baseline.mp4", video(TESTSRC), stereo(ENGLISH_HZ), x264(), "-c:a", "aac", "-movflags", "+faststart");
    }

    /** {@link #baseline()} with a display matrix turning it a quarter clockwise: a phone held upright (shown 180x320). */
    public Path rotated90() {
        // ffmpeg 5.1 writes the rotate tag as a display matrix only when copying the stream.
        return make("rotated-90.mp4", List.of("-i", baseline().toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90"));
    }

    /** FFV1 in Matroska, 317x181 yuv420p (odd both ways, which H.264 cannot code) + PCM, 2 s. */
    public Path oddSize() {
        return make("odd-317x181.mkv", video("testsrc2=size=318x182:rate=25:duration=2"), stereo(ENGLISH_HZ),
                "-vf", "crop=317:181:0:0:exact=1", "-c:v", "ffv1", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le");
    }

    /** H.264 4:4:4 in MP4, 181x321: portrait by its coded size, odd, no rotation; no audio. */
    public Path oddPortrait() {
        return make("odd-portrait-181x321.mp4", video("testsrc2=size=182x322:rate=25:duration=2"),
                "-vf", "crop=181:321:0:0:exact=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p");
    }

    /** MP4, H.264 240x180 coded with 4:3 pixels (shown 320x180) + AAC, 2 s. */
    public Path anamorphic() {
        return make("anamorphic-240x180-sar4x3.mp4", video("testsrc2=size=240x180:rate=25:duration=2"), stereo(ENGLISH_HZ),
                "-vf", "setsar=4/3", x264(), "-c:a", "aac");
    }

    /**
     * MPEG-TS, MPEG-2 320x180 interlaced top field first + MP2, 2 s: really interlaced, each frame
     * woven from two fields of a 50 fps picture 1/50 s apart (so {@code idet} sees it), and flagged so.
     */
    public Path interlaced() {
        return make("interlaced-tff.ts", video("testsrc2=size=320x180:rate=50:duration=2"), stereo(ENGLISH_HZ),
                "-vf", "tinterlace=mode=interleave_top,setfield=tff",
                "-c:v", "mpeg2video", "-q:v", "4", "-flags", "+ildct+ilme", "-top", "1", "-c:a", "mp2");
    }

    /** MP4, HEVC Main 10 320x180, BT.2020 primaries and matrix, PQ transfer (HDR10), made from testsrc2 at 100 nits, 2 s. */
    public Path hdrPq() {
        return make("hdr10-pq.mp4", video(TESTSRC), "-vf", AS_BT709 + ",zscale=t=linear:npl=100,format=gbrpf32le,"
                        + "zscale=p=bt2020:t=smpte2084:m=bt2020nc:r=tv,format=yuv420p10le",
                "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1",
                "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc");
    }

    /** MP4, H.264 High 10 320x180, BT.2020, HLG transfer (arib-std-b67), made from testsrc2, 2 s, no audio. */
    public Path hdrHlg() {
        return make("hdr-hlg.mp4", video(TESTSRC), "-vf", AS_BT709 + ",zscale=t=linear:npl=100,format=gbrpf32le,"
                        + "zscale=p=bt2020:t=arib-std-b67:m=bt2020nc:r=tv,format=yuv420p10le",
                "-c:v", "libx264", "-preset", "ultrafast",
                "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc");
    }

    /** MP4, H.264 High 10 yuv420p10le 320x180, BT.709 SDR + AAC, 2 s. */
    public Path tenBitSdr() {
        return make("sdr-10bit.mp4", video(TESTSRC), stereo(ENGLISH_HZ), "-vf", AS_BT709 + ",format=yuv420p10le",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709");
    }

    /** MOV, ProRes 422 HQ (yuv422p10le) 320x180 + PCM 24-bit, 2 s: a studio master. */
    public Path prores422() {
        return make("prores-422-10bit.mov", video(TESTSRC), stereo(ENGLISH_HZ),
                "-c:v", "prores_ks", "-profile:v", "3", "-c:a", "pcm_s24le");
    }

    /** MP4, H.264 High 4:4:4 Predictive (yuv444p) 320x180 + AAC, 2 s. */
    public Path h264yuv444() {
        return make("h264-444.mp4", video(TESTSRC), stereo(ENGLISH_HZ), "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv444p", "-c:a", "aac");
    }

    /** A solid colour of RGB (200, 50, 50) coded with the BT.601 matrix and tagged so (SD, smpte170m), 320x240, 1 s. */
    public Path bt601Red() {
        return make("bt601-red.mp4", List.of("-f", "lavfi", "-i", "color=c=0xC83232:size=320x240:rate=25:duration=1",
                "-vf", "scale=out_color_matrix=bt601:out_range=tv,format=yuv420p", "-c:v", "libx264", "-preset", "ultrafast",
                "-color_primaries", "smpte170m", "-color_trc", "smpte170m", "-colorspace", "smpte170m", "-color_range", "tv"));
    }

    /** MP4, one H.264 frame of 320x180 (a 0.04 s source). */
    public Path oneFrame() {
        return make("one-frame.mp4", video(TESTSRC), x264(), "-frames:v", "1");
    }

    /** MP4 as cameras write it: the index (moov) after the media data (mdat); H.264 + AAC, 2 s. */
    public Path moovAtEnd() {
        Path file = make("moov-at-end.mp4", video(TESTSRC), stereo(ENGLISH_HZ), x264(), "-c:a", "aac");
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(file);
        assertTrue(TopLevelBoxes.index(boxes, "mdat") < TopLevelBoxes.index(boxes, "moov"), "expected moov after mdat: " + boxes);
        return file;
    }

    /** Matroska, H.264 with frames dropped irregularly (kept: every 2nd and every 3rd of 50 fps), so frame durations vary; + AAC, 2 s. */
    public Path variableFrameRate() {
        return make("vfr.mkv", video("testsrc2=size=320x180:rate=50:duration=2"), stereo(ENGLISH_HZ),
                "-vf", "select='not(mod(n\\,2))+not(mod(n\\,3))'", "-fps_mode", "vfr", x264(), "-c:a", "aac");
    }

    // --- sound -----------------------------------------------------------------------------------

    /** MP4, H.264 + AAC 5.1 48 kHz, 2 s. */
    public Path surround51() {
        return make("aac-5.1.mp4", video(TESTSRC), List.of("-f", "lavfi", "-i", "sine=frequency=" + ENGLISH_HZ + ":sample_rate=48000:duration=2"),
                x264(), "-c:a", "aac", "-ac", "6", "-channel_layout", "5.1");
    }

    /** MP4, H.264 + AAC mono 22.05 kHz, 2 s. */
    public Path mono() {
        return make("aac-mono-22k.mp4", video(TESTSRC), List.of("-f", "lavfi", "-i", "sine=frequency=" + ENGLISH_HZ + ":sample_rate=22050:duration=2"),
                x264(), "-c:a", "aac", "-ac", "1");
    }

    /** MP4, H.264 only. */
    public Path noAudio() {
        return make("no-audio.mp4", video(TESTSRC), x264());
    }

    /**
     * Matroska, H.264 + three Opus tracks: stream 1 French ({@link #FRENCH_HZ}, not default),
     * stream 2 English main ({@link #ENGLISH_HZ}, default), stream 3 English commentary
     * ({@link #COMMENTARY_HZ}, default and comment flags, titled so).
     */
    public Path threeAudioTracks() {
        return make("three-audio-tracks.mkv", video(TESTSRC), tone(FRENCH_HZ), tone(ENGLISH_HZ), tone(COMMENTARY_HZ),
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a", x264(), "-c:a", "libopus", "-ac", "2",
                "-metadata:s:a:0", "language=fre", "-metadata:s:a:1", "language=eng", "-metadata:s:a:2", "language=eng",
                "-metadata:s:a:2", "title=Director's commentary",
                "-disposition:a:0", "0", "-disposition:a:1", "default", "-disposition:a:2", "default+comment");
    }

    /**
     * Matroska, H.264 + three AAC tracks where the only default-flagged track is a commentary:
     * stream 1 French, stream 2 English commentary (default), stream 3 German. The policy falls to the first.
     */
    public Path defaultIsCommentary() {
        return make("default-is-commentary.mkv", video(TESTSRC), tone(FRENCH_HZ), tone(COMMENTARY_HZ), tone(GERMAN_HZ),
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:a", x264(), "-c:a", "aac",
                "-metadata:s:a:0", "language=fre", "-metadata:s:a:1", "language=eng", "-metadata:s:a:2", "language=ger",
                "-metadata:s:a:1", "title=Commentary",
                "-disposition:a:0", "0", "-disposition:a:1", "default+comment", "-disposition:a:2", "0");
    }

    // --- streams to ignore -----------------------------------------------------------------------

    /** MOV, H.264 + AAC + a timecode track (tmcd, a data stream) + a mov_text subtitle track. */
    public Path timecodeAndSubtitles() {
        Path srt = write("subtitles.srt", "1\n00:00:00,000 --> 00:00:01,500\nHello\n\n".getBytes(StandardCharsets.UTF_8));
        return make("timecode-subtitles.mov", video(TESTSRC), stereo(ENGLISH_HZ), List.of("-i", srt.toString()),
                "-map", "0:v", "-map", "1:a", "-map", "2:s", x264(), "-c:a", "aac", "-c:s", "mov_text",
                "-timecode", "01:00:00:00");
    }

    /** Matroska, H.264 + AAC + an ASS subtitle track + a font attachment. */
    public Path subtitlesAndAttachment() {
        Path srt = write("subtitles2.srt", "1\n00:00:00,000 --> 00:00:01,500\nHallo\n\n".getBytes(StandardCharsets.UTF_8));
        Path font = write("font.ttf", new byte[] {0, 1, 0, 0, 0, 0, 0, 0});
        return make("subtitles-attachment.mkv", video(TESTSRC), stereo(ENGLISH_HZ), List.of("-i", srt.toString()),
                "-map", "0:v", "-map", "1:a", "-map", "2:s", x264(), "-c:a", "aac", "-c:s", "ass",
                "-attach", font.toString(), "-metadata:s:t", "mimetype=application/x-truetype-font");
    }

    /** MP4, H.264 + AAC + a PNG cover picture (an attached_pic video stream, as music tools write). */
    public Path coverArt() {
        return make("cover-art.mp4", coverPng(), video(TESTSRC), stereo(ENGLISH_HZ), "-map", "0:v", "-map", "1:v", "-map", "2:a",
                "-c:v:0", "png", "-c:v:1", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-disposition:v:0", "attached_pic");
    }

    /** Matroska with the audio as stream 0 and the video as stream 1 (as some muxers order them). */
    public Path audioFirst() {
        return make("audio-first.mkv", stereo(ENGLISH_HZ), video(TESTSRC), "-map", "0:a", "-map", "1:v", x264(), "-c:a", "aac");
    }

    /** {@link #anamorphic()} (240x180, 4:3 pixels) turned a quarter counter-clockwise (rotate=270): shown 180x320. */
    public Path anamorphicRotated() {
        return make("anamorphic-rotated-270.mp4", List.of("-i", anamorphic().toString(), "-c", "copy", "-metadata:s:v:0", "rotate=270"));
    }

    /** MP4, H.264 320x180 at 120 fps, 1 s (a phone's slow-motion clip). */
    public Path highFrameRate() {
        return make("120fps.mp4", video("testsrc2=size=320x180:rate=120:duration=1"), x264());
    }

    // --- not video -------------------------------------------------------------------------------

    /** An MP3 with a PNG cover picture, named .mp4: its only "video" is cover art. */
    public Path songWithCoverArt() {
        return make("song-with-cover.mp4", tone(ENGLISH_HZ), coverPng(), "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame",
                "-c:v", "png", "-disposition:v", "attached_pic", "-f", "mp3");
    }

    private List<String> coverPng() {
        return List.of("-i", make("cover.png", List.of("-f", "lavfi", "-i", "color=c=blue:size=64x64:duration=1", "-frames:v", "1")).toString());
    }

    /** MP4 (M4A) with one AAC stereo track and no video, named .mp4. */
    public Path audioOnly() {
        return make("audio-only.mp4", stereo(ENGLISH_HZ), "-c:a", "aac");
    }

    /** A zero-byte file named like an MP4. */
    public Path empty() {
        return write("empty.mp4", new byte[0]);
    }

    /** 64 KiB of pseudo-random bytes (fixed seed) named like an MP4. */
    public Path randomBytes() {
        byte[] noise = new byte[64 * 1024];
        new Random(4).nextBytes(noise);
        return write("noise.mp4", noise);
    }

    /** {@link #moovAtEnd()} cut in half: its index is gone. */
    public Path truncatedMoovAtEnd() {
        byte[] bytes = read(moovAtEnd());
        return write("truncated-moov-at-end.mp4", Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** {@link #baseline()} (index first, whole) cut in the middle of its media data. */
    public Path truncatedFaststart() {
        Path whole = baseline();
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(whole);
        TopLevelBoxes.Box mdat = boxes.get(TopLevelBoxes.index(boxes, "mdat"));
        return write("truncated-faststart.mp4", Arrays.copyOf(read(whole), (int) (mdat.offset() + mdat.size() / 2)));
    }

    /** Matroska (H.264 + AAC, 2 s) cut to 40 % of its size: the Segment claims more bytes than there are. */
    public Path truncatedMatroska() {
        Path whole = make("whole.mkv", video(TESTSRC), stereo(ENGLISH_HZ), x264(), "-c:a", "aac");
        byte[] bytes = read(whole);
        return write("truncated.mkv", Arrays.copyOf(bytes, bytes.length * 2 / 5));
    }

    /** A YUV4MPEG2 header declaring a 12000x12000 picture (144 megapixels), followed by 5000 zero bytes. */
    public Path absurdPictureSize() {
        byte[] header = "YUV4MPEG2 W12000 H12000 F25:1 Ip A1:1 C420jpeg\nFRAME\n".getBytes(StandardCharsets.US_ASCII);
        return write("absurd-size.y4m", Arrays.copyOf(header, header.length + 5000));
    }

    /** {@link #baseline()} with its mdat box's 32-bit size patched to 2^31 - 1 bytes (2 GiB in a file of kilobytes). */
    public Path absurdBoxSize() {
        byte[] bytes = read(baseline());
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(baseline());
        TopLevelBoxes.Box mdat = boxes.get(TopLevelBoxes.index(boxes, "mdat"));
        ByteBuffer.wrap(bytes, (int) mdat.offset(), 4).putInt(Integer.MAX_VALUE);
        return write("absurd-box-size.mp4", bytes);
    }

    /** A 2 s Matroska file whose Segment Info Duration is patched to 10^15 ticks (about 31 years at 1 ms). */
    public Path absurdDuration() {
        byte[] bytes = read(make("duration-source.mkv", video(TESTSRC), x264()));
        int at = indexOf(bytes, new byte[] {0x44, (byte) 0x89}); // the Duration element's id
        assertTrue(at > 0, "no Duration element");
        int size = bytes[at + 2] & 0xFF;
        ByteBuffer value = ByteBuffer.wrap(bytes, at + 3, size == 0x88 ? 8 : 4);
        if (size == 0x88) value.putDouble(1e15); else value.putFloat(1e15f);
        return write("absurd-duration.mkv", bytes);
    }

    /** {@link #baseline()}'s bytes under {@code name} (spaces, quotes, unicode, newlines, a leading dash...). */
    public Path named(String name) {
        Path target = dir.resolve("named").resolve(name);
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) Files.copy(baseline(), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file written in {@code dir} under {@code name}. */
    public Path text(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    // --- making ----------------------------------------------------------------------------------

    private static List<String> video(String lavfi) {
        return List.of("-f", "lavfi", "-i", lavfi);
    }

    private static List<String> stereo(int hz) {
        return List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:duration=2,pan=stereo|c0=c0|c1=c0");
    }

    private static List<String> tone(int hz) {
        return List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:duration=2");
    }

    private static List<String> x264() {
        return List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** Arguments are lists (inputs) or single words, in ffmpeg's order. */
    private Path make(String name, Object... parts) {
        List<String> options = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> l) l.forEach(x -> options.add((String) x)); else options.add((String) p);
        }
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) return target;
        List<String> cmd = new ArrayList<>(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(options);
        cmd.add(target.toString());
        ExternalProgram.check(cmd, 120);
        return target;
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
