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

    /**
     * Whether the program died of a signal: Java reports that as 128 + the signal (129..159), and
     * ffmpeg exits 255 when a signal made it stop. Never a verdict on the media. Other codes above
     * 128 are not signals: ffmpeg 6.1 and later exit with the low byte of an error code (183 for
     * invalid data), which is the media's fault.
     */
    public boolean killedBySignal() { return ending == Ending.EXITED && ((exitCode > 128 && exitCode < 160) || exitCode == 255); }

    /** What the signal most likely means, for the one-line error and the operator. */
    public String signalExplanation() {
        String name = command.get(0).substring(command.get(0).lastIndexOf('/') + 1);
        return switch (exitCode - 128) {
            case 9 -> name + " was killed (SIGKILL): most often the kernel's out-of-memory killer; check the host's memory (dmesg)";
            case 11 -> name + " crashed (SIGSEGV): a bug in ffmpeg or a broken library on this host";
            case 6 -> name + " aborted (SIGABRT): an internal assertion in ffmpeg or a library failed";
            case 7 -> name + " crashed (SIGBUS): a bad memory mapping or failing storage on this host";
            case 4 -> name + " crashed (SIGILL): built for other CPU instructions than this host has";
            case 8 -> name + " crashed (SIGFPE): an arithmetic fault inside ffmpeg";
            case 127 -> name + " exited 255: it stopped on a signal or an internal error";
            default -> name + " died of signal " + (exitCode - 128);
        };
    }

    /** The last meaningful stderr line: the one-line reason to show a person. */
    public String lastError() {
        for (int i = stderrTail.size() - 1; i >= 0; i--) {
            String line = stderrTail.get(i).strip();
            if (!line.isEmpty() && GENERIC_ENDINGS.stream().noneMatch(line::startsWith)) return line;
        }
        for (int i = stderrTail.size() - 1; i >= 0; i--) {
            if (!stderrTail.get(i).isBlank()) return stderrTail.get(i).strip();
        }
        return "no error output";
    }

    /** ffmpeg's closing lines that follow the real error without saying anything about it. */
    private static final List<String> GENERIC_ENDINGS = List.of("Conversion failed", "Error marking filters as finished",
            "Error while filtering", "Error while processing the decoded data", "Failed to inject frame into filter network",
            "Error sending frames to consumers", "Nothing was written into output file", "Error closing file");

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
