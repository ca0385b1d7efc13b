package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small sources made on demand with ffmpeg's lavfi ({@code testsrc2} + {@code sine}) in a test's
 * folder: one per container the worker accepts, the variants its planner treats specially, and
 * broken files. What each file holds is fixed here, so tests can state what they expect of it.
 * A file is made once per folder and reused. Generation failures fail the test with ffmpeg's stderr.
 */
public final class GeneratedMedia {
    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final String X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";

    private final Path dir;

    public GeneratedMedia(Path dir) {
        this.dir = dir;
    }

    /** Skips the calling test when the system ffmpeg and ffprobe these tests rely on are absent. */
    public static void assumeFfmpeg() {
        assumeTrue(Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE), "no ffmpeg/ffprobe at /usr/bin: skipped");
    }

    // --- one per container -------------------------------------------------------------------

    /** MP4, H.264 640x360 30 fps + AAC mono 44.1 kHz, 4 s. */
    public Path mp4() {
        return make("h264-aac.mp4", lavfi("640x360", "30", 4, 44_100) + " " + X264 + " -c:a aac");
    }

    /** MOV, H.264 480x270 30 fps (below the 360 rung) + PCM stereo 48 kHz, 3 s. */
    public Path mov() {
        return make("h264-pcm.mov", lavfi("480x270", "30", 3, 48_000) + " " + X264 + " -c:a pcm_s16le -ac 2");
    }

    /** Matroska, H.264 640x360 25 fps + AC-3 stereo, 3 s. */
    public Path mkv() {
        return make("h264-ac3.mkv", lavfi("640x360", "25", 3, 48_000) + " " + X264 + " -c:a ac3 -ac 2");
    }

    /** WebM, VP9 320x180 25 fps (below every rung) + Opus, 3 s. */
    public Path webm() {
        return make("vp9-opus.webm", lavfi("320x180", "25", 3, 48_000)
                + " -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 300k -c:a libopus");
    }

    /** AVI, MPEG-4 Part 2 640x360 25 fps + MP3, 3 s. */
    public Path avi() {
        return make("mpeg4-mp3.avi", lavfi("640x360", "25", 3, 44_100) + " -c:v mpeg4 -q:v 5 -c:a libmp3lame");
    }

    /** MPEG-TS, MPEG-2 640x360 25 fps + MP2, 3 s. */
    public Path ts() {
        return make("mpeg2-mp2.ts", lavfi("640x360", "25", 3, 48_000) + " -c:v mpeg2video -q:v 5 -c:a mp2");
    }

    /** MXF (OP1a), MPEG-2 640x360 25 fps + PCM 16-bit 48 kHz, 3 s. */
    public Path mxf() {
        return make("mpeg2-pcm.mxf", lavfi("640x360", "25", 3, 48_000) + " -c:v mpeg2video -q:v 5 -c:a pcm_s16le -ar 48000 -f mxf");
    }

    // --- variants ------------------------------------------------------------------------------

    /** {@link #mp4()} with a display matrix turning it a quarter: 640x360 coded, shown 360x640. */
    public Path portrait() {
        Path base = mp4();
        // ffmpeg 5.1 writes the rotate tag as a display matrix only when copying the stream.
        return make("portrait-rotate90.mp4", List.of("-i", base.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90"));
    }

    /** MP4, H.264 480x360 coded with 4:3 pixels (shown 640x360) 25 fps + AAC, 3 s. */
    public Path anamorphic() {
        return make("anamorphic-sar4x3.mp4", lavfi("480x360", "25", 3, 48_000) + " -vf setsar=4/3 " + X264 + " -c:a aac");
    }

    /** MPEG-TS, MPEG-2 640x360 interlaced top field first, 25 frames (50 fields) per second + MP2, 3 s. */
    public Path interlaced() {
        return make("interlaced-tff.ts", lavfi("640x360", "25", 3, 48_000)
                + " -c:v mpeg2video -q:v 5 -flags +ildct+ilme -top 1 -c:a mp2");
    }

    /** MP4, H.264 640x360 at 25 fps + AAC, 3 s. */
    public Path pal25() {
        return make("h264-25fps.mp4", lavfi("640x360", "25", 3, 48_000) + " " + X264 + " -c:a aac");
    }

    /** MP4, H.264 640x360 at 30000/1001 fps + AAC, 3 s. */
    public Path ntsc2997() {
        return make("h264-2997fps.mp4", lavfi("640x360", "30000/1001", 3, 48_000) + " " + X264 + " -c:a aac");
    }

    /** MP4, H.264 640x360 30 fps, no audio track, 3 s. */
    public Path noAudio() {
        return make("h264-no-audio.mp4", "-f lavfi -i testsrc2=size=640x360:rate=30:duration=3 " + X264 + " -an");
    }

    /** MP4, H.264 640x360 25 fps + AAC 5.1 48 kHz, 3 s. */
    public Path surround51() {
        return make("h264-aac51.mp4", lavfi("640x360", "25", 3, 48_000) + " " + X264 + " -c:a aac -ac 6 -channel_layout 5.1");
    }

    // --- bad inputs -----------------------------------------------------------------------------

    /** A zero-byte file named like an MP4. */
    public Path empty() {
        return write("empty.mp4", new byte[0]);
    }

    /** Plain text named like an MP4. */
    public Path textAsMp4() {
        return write("notes.mp4", "These are meeting notes, not a movie.\nSecond line.\n".getBytes(StandardCharsets.UTF_8));
    }

    /** An MP4 whose index (moov) is written at the end, cut in half: the index is gone. */
    public Path truncatedMoovAtEnd() {
        Path whole = make("moov-at-end.mp4", lavfi("320x240", "25", 3, 48_000) + " " + X264 + " -c:a aac");
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(whole);
        assertTrue(TopLevelBoxes.index(boxes, "mdat") < TopLevelBoxes.index(boxes, "moov"), "expected moov after mdat: " + boxes);
        byte[] bytes = readAll(whole);
        return write("truncated-moov-at-end.mp4", Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A faststart MP4 (moov first, whole) whose media data is cut short halfway through. */
    public Path truncatedFaststart() {
        Path whole = make("faststart.mp4", lavfi("320x240", "25", 3, 48_000) + " " + X264 + " -c:a aac -movflags +faststart");
        List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(whole);
        TopLevelBoxes.Box moov = boxes.get(TopLevelBoxes.index(boxes, "moov"));
        TopLevelBoxes.Box mdat = boxes.get(TopLevelBoxes.index(boxes, "mdat"));
        assertTrue(moov.offset() < mdat.offset(), "expected moov before mdat: " + boxes);
        byte[] bytes = readAll(whole);
        return write("truncated-faststart.mp4", Arrays.copyOf(bytes, (int) (mdat.offset() + mdat.size() / 2)));
    }

    // --- making --------------------------------------------------------------------------------

    private static String lavfi(String size, String rate, int seconds, int sampleRate) {
        return "-f lavfi -i testsrc2=size=" + size + ":rate=" + rate + ":duration=" + seconds
                + " -f lavfi -i sine=frequency=440:sample_rate=" + sampleRate + ":duration=" + seconds;
    }

    /** Options are split on spaces: every value used here is a single word. */
    private Path make(String name, String options) {
        return make(name, List.of(options.trim().split(" +")));
    }

    private Path make(String name, List<String> options) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) return target;
        List<String> cmd = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(options);
        cmd.add(target.toString());
        ExternalProgram.check(cmd, 120);
        return target;
    }

    private Path write(String name, byte[] bytes) {
        Path target = dir.resolve(name);
        try {
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
