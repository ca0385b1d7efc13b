package io.mediaworker.ffmpeg;

import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.TransientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Probes with ffprobe's JSON output: the precise way, used whenever an ffprobe is available. */
public final class FfprobeProber implements Prober {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path ffprobe;
    private final ProcessRunner runner;

    public FfprobeProber(Path ffprobe, ProcessRunner runner) {
        this.ffprobe = ffprobe;
        this.runner = runner;
    }

    @Override
    public MediaInfo probe(Path file) {
        long size = sizeOf(file);
        List<String> cmd = new ArrayList<>(List.of(ffprobe.toString(), "-v", "error", "-hide_banner",
                "-print_format", "json", "-show_format", "-show_streams"));
        List<String> input = InputArgs.forInput(file);
        cmd.addAll(input.subList(0, input.size() - 2)); // the whitelists; ffprobe names its file without -i
        cmd.add(InputArgs.url(file));
        ProcessResult result = runner.run(ProcessSpec.capture(cmd, TIMEOUT));
        if (result.ending() != ProcessResult.Ending.EXITED) throw new TransientException(result.describe());
        // A crash of ffprobe is the tool's or the host's fault, never a verdict on the file.
        if (result.killedBySignal()) throw new TransientException(result.signalExplanation() + "; the file was not judged");
        if (result.exitCode() != 0) {
            throw new InvalidInputException("not readable as media: " + result.lastError());
        }
        return FfprobeJsonParser.parse(result.stdout(), size);
    }

    @Override public String method() { return "ffprobe-json"; }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TransientException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
