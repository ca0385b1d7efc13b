package io.mediaworker.ffmpeg;

import java.time.Duration;
import java.util.List;

/**
 * How a program ended. {@code stdout} is empty when stdout went to a listener; {@code stderrTail}
 * keeps the last lines only (as many as {@link ProcessSpec#stderrLinesKept()}), which is where
 * ffmpeg says what went wrong.
 */
public record ProcessResult(
        List<String> command,
        Ending ending,
        int exitCode,
        String stdout,
        List<String> stderrTail,
        Duration elapsed) {

    public enum Ending { EXITED, TIMED_OUT, STALLED, CANCELLED }

    public ProcessResult {
        command = List.copyOf(command);
        stderrTail = List.copyOf(stderrTail);
    }

    public boolean succeeded() { return ending == Ending.EXITED && exitCode == 0; }

    /** Exit codes above 128 mean the program died of signal (code - 128), as a shell reports it. */
    public boolean killedBySignal() { return exitCode > 128; }

    /** The last meaningful stderr line: the one-line reason to show a person. */
    public String lastError() {
        for (int i = stderrTail.size() - 1; i >= 0; i--) {
            String line = stderrTail.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("Conversion failed")) return line;
        }
        return "no error output";
    }

    public String describe() {
        String name = command.get(0).substring(command.get(0).lastIndexOf('/') + 1);
        return switch (ending) {
            case EXITED -> name + " exited with " + exitCode + ": " + lastError();
            case TIMED_OUT -> name + " ran past its time limit and was killed";
            case STALLED -> name + " stalled (no progress) and was killed";
            case CANCELLED -> name + " was cancelled";
        };
    }
}
