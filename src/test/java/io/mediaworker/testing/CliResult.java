package io.mediaworker.testing;

import java.util.List;

/** What one run of the command line ended with: its exit code and everything it wrote. */
public record CliResult(int exitCode, String stdout, String stderr) {

    /** The non-empty lines of stderr. */
    public List<String> stderrLines() {
        return stderr.lines().filter(l -> !l.isBlank()).toList();
    }

    /** For assertion messages: everything a person needs to see why a run went wrong. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
