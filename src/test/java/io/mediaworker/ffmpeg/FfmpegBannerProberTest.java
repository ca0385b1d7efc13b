package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mediaworker.model.TransientException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober's command and its reading of how ffmpeg ended, with endings real ffmpeg gives only by accident. */
class FfmpegBannerProberTest {
    @TempDir Path dir;

    @Test
    void runsFfmpegOnTheInputOnlyAndKeepsAllOfStderr() throws IOException {
        Path file = Files.write(dir.resolve("in.mkv"), new byte[1234]);
        List<ProcessSpec> specs = new ArrayList<>();
        List<String> banner = List.of("Input #0, matroska,webm, from 'in.mkv':",
                "  Duration: 00:00:02.50, start: 0.000000, bitrate: 128 kb/s",
                "  Stream #0:0: Audio: flac, 48000 Hz, stereo, s16",
                "At least one output file must be specified");
        MediaInfo info = new FfmpegBannerProber(Path.of("/opt/ff/ffmpeg"), spec -> {
            specs.add(spec);
            return ended(spec, ProcessResult.Ending.EXITED, 1, banner);
        }).probe(file);

        assertEquals(List.of("/opt/ff/ffmpeg", "-hide_banner", "-nostdin", "-protocol_whitelist", "file",
                "-format_whitelist", InputArgs.DEMUXERS, "-i", "file:" + file.toAbsolutePath().normalize()),
                specs.get(0).command());
        assertEquals(ProcessSpec.STDERR_ALL_LINES, specs.get(0).stderrLinesKept());
        assertEquals(Duration.ofMillis(2500), info.duration().orElseThrow());
        assertEquals(1234, info.sizeBytes());
        assertEquals("flac", info.audioStreams().get(0).codec());
    }

    @Test
    void aTimeoutIsTransient() throws IOException {
        Path file = Files.write(dir.resolve("in.mp4"), new byte[1]);
        TransientException e = assertThrows(TransientException.class, () -> new FfmpegBannerProber(Path.of("ffmpeg"),
                spec -> ended(spec, ProcessResult.Ending.TIMED_OUT, 137, List.of())).probe(file));
        assertEquals("ffmpeg ran past its time limit and was killed", e.getMessage());
    }

    @Test
    void aCrashIsNoVerdictOnTheFile() throws IOException {
        Path file = Files.write(dir.resolve("in.ts"), new byte[1]);
        TransientException e = assertThrows(TransientException.class, () -> new FfmpegBannerProber(Path.of("/x/ffmpeg-amd64"),
                spec -> ended(spec, ProcessResult.Ending.EXITED, 139, List.of())).probe(file));
        assertEquals("ffmpeg-amd64 crashed (SIGSEGV): a bug in ffmpeg or a broken library on this host; the file was not judged", e.getMessage());
        assertEquals(4, e.exitCode().code());
    }

    private static ProcessResult ended(ProcessSpec spec, ProcessResult.Ending ending, int exitCode, List<String> stderr) {
        return new ProcessResult(spec.command(), ending, exitCode, "", stderr, Duration.ofMillis(30));
    }
}
