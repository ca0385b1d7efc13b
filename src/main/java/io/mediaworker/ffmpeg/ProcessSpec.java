package io.mediaworker.ffmpeg;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One external program to run: an argument list (never a shell string), how long it may take in
 * all, how long it may go without printing anything before it counts as stalled, who hears
 * its standard output line by line, and how many of the last stderr lines the result keeps.
 */
public record ProcessSpec(
        List<String> command,
        Optional<Duration> timeout,
        Optional<Duration> stallTimeout,
        Optional<Consumer<String>> stdoutLines,
        int stderrLinesKept) {

    /** Enough stderr to say what went wrong; ffmpeg puts the reason in its last lines. */
    public static final int STDERR_TAIL_LINES = 40;
    /** "All of stderr" for programs whose report is stderr; bounded so a runaway program cannot fill memory. */
    public static final int STDERR_ALL_LINES = 100_000;

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
        if (stderrLinesKept < 1) throw new IllegalArgumentException("stderrLinesKept must be positive");
    }

    public ProcessSpec(List<String> command, Optional<Duration> timeout, Optional<Duration> stallTimeout,
            Optional<Consumer<String>> stdoutLines) {
        this(command, timeout, stallTimeout, stdoutLines, STDERR_TAIL_LINES);
    }

    /** Captures stdout whole (ffprobe's JSON, `-version`), with an overall time limit. */
    public static ProcessSpec capture(List<String> command, Duration timeout) {
        return new ProcessSpec(command, Optional.of(timeout), Optional.empty(), Optional.empty());
    }

    /** Like {@link #capture}, but keeps the whole of stderr (the report of {@code ffmpeg -i}). */
    public static ProcessSpec captureWithStderr(List<String> command, Duration timeout) {
        return new ProcessSpec(command, Optional.of(timeout), Optional.empty(), Optional.empty(), STDERR_ALL_LINES);
    }

    /** Streams stdout to a listener (ffmpeg's -progress) and kills the run when it goes quiet. */
    public static ProcessSpec streaming(List<String> command, Duration stallTimeout, Consumer<String> stdoutLines) {
        return new ProcessSpec(command, Optional.empty(), Optional.of(stallTimeout), Optional.of(stdoutLines));
    }

    public String program() { return command.get(0); }
}
