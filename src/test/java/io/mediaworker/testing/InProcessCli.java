package io.mediaworker.testing;

import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in this JVM through the same factory {@code main} uses, capturing what the
 * commands write to their out and err streams. (Logs go to the JVM's stderr, not into the result.)
 */
public final class InProcessCli {
    private InProcessCli() {}

    public static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = CommandLineFactory.create(o, e, new StageContextFactory()).execute(args);
        }
        return new CliResult(code, out.toString(), err.toString());
    }
}
