package io.mediaworker.plan;

import java.util.List;

/**
 * Everything a transcode will do, decided before anything runs: the ladder, the encoder and why
 * it was chosen, and the exact ffmpeg argument list. {@code transcode --dry-run} prints this.
 */
public record TranscodePlan(Ladder ladder, String encoder, String encoderReason, List<String> filterGraphNotes, List<String> command) {

    public TranscodePlan {
        filterGraphNotes = List.copyOf(filterGraphNotes);
        command = List.copyOf(command);
    }

    /** The command as a person would paste it into a shell (for display only; it is never run this way). */
    public String commandLine() {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(arg.matches("[A-Za-z0-9_./:=+,@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
