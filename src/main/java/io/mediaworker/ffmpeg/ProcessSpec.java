package io.mediaworker.ffmpeg;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One external program to run: an argument list (never a shell string), how long it may take in
 * all, how long it may go without printing anything before it counts as stalled, and who hears
 * its standard output line by line.
 */
public record ProcessSpec(
        List<String> command,
        Optional<Duration> timeout,
        Optional<Duration> stallTimeout,
        Optional<Consumer<String>> stdoutLines) {

    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
    }

    /** Captures stdout whole (ffprobe's JSON, `-version`), with an overall time limit. */
    public static ProcessSpec capture(List<String> command, Duration timeout) {
        return new ProcessSpec(command, Optional.of(timeout), Optional.empty(), Optional.empty());
    }

    /** Streams stdout to a listener (ffmpeg's -progress) and kills the run when it goes quiet. */
    public static ProcessSpec streaming(List<String> command, Duration stallTimeout, Consumer<String> stdoutLines) {
        return new ProcessSpec(command, Optional.empty(), Optional.of(stallTimeout), Optional.of(stdoutLines));
    }

    public String program() { return command.get(0); }
}
