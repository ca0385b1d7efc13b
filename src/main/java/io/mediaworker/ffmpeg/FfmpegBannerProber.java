package io.mediaworker.ffmpeg;

import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes by reading the report {@code ffmpeg -i FILE} prints on stderr: the fallback for ffmpeg
 * builds without ffprobe (the one jave2 bundles). Less precise than {@link FfprobeProber}: see
 * {@link FfmpegBannerParser} for what the report rounds.
 */
public final class FfmpegBannerProber implements Prober {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path ffmpeg;
    private final ProcessRunner runner;

    public FfmpegBannerProber(Path ffmpeg, ProcessRunner runner) {
        this.ffmpeg = ffmpeg;
        this.runner = runner;
    }

    @Override
    public MediaInfo probe(Path file) {
        long size = FfprobeProber.sizeOf(file);
        ProcessResult result = runner.run(ProcessSpec.captureWithStderr(command(file), TIMEOUT));
        if (result.ending() != ProcessResult.Ending.EXITED) throw new TransientException(result.describe());
        // With no output file ffmpeg always exits 1 after its report, so the exit code says nothing;
        // a signal does: ffmpeg crashed (the bundled 4.4.1 does on MPEG-TS), which is no verdict on the file.
        if (result.killedBySignal()) throw new TransientException(result.signalExplanation() + "; the file was not judged");
        return FfmpegBannerParser.parse(String.join("\n", result.stderrTail()), size);
    }

    /** {@code ffmpeg -hide_banner -nostdin <input>}: only the input report, no output. */
    List<String> command(Path file) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin"));
        cmd.addAll(InputArgs.forInput(file));
        return cmd;
    }

    @Override public String method() { return "ffmpeg-banner"; }
}
