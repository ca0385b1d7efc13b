package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.Termination;
import io.mediaworker.model.WorkerException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds the {@link CommandLine} for {@code main} and for tests alike: output streams, logging set
 * up from the global options before any command runs, and every failure mapped to its exit code
 * with one line on stderr.
 */
public final class CommandLineFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLineFactory.class);

    private CommandLineFactory() {}

    public static CommandLine create(PrintWriter out, PrintWriter err, StageContextFactory contexts) {
        RootCommand root = new RootCommand();
        root.useContexts(contexts);
        CommandLine cl = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parsed -> {
                    RootCommand r = parsed.commandSpec().root().commandLine().getCommand();
                    LogSetup.configure(r.logFormat, r.verbose);
                    LogSetup.identifyJob(System.getenv());
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    RootCommand r = parsed.commandSpec().root().commandLine().getCommand();
                    if (r.logFormat == LogSetup.Format.json) {
                        LOG.error("media-worker: " + oneLine(e)); // stderr stays JSON lines: the same line as a log object
                    } else {
                        commandLine.getErr().println("media-worker: " + oneLine(e));
                        commandLine.getErr().flush();
                    }
                    if (Termination.requested()) {
                        LOG.debug("stopped by SIGTERM", e);
                        return ExitCode.TERMINATED.code(); // whatever the stop broke, Batch must retry
                    }
                    if (e instanceof WorkerException w) {
                        LOG.debug("stage failed", e);
                        return w.exitCode().code();
                    }
                    LOG.error("internal error", e);
                    return ExitCode.INTERNAL.code();
                });
        // Every subcommand's --version says what the top-level one does (picocli leaves it empty otherwise).
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(cl.getCommandSpec().versionProvider()));
        // picocli asks this mapper for bad flags too (ParameterException): those are usage errors, not internal ones.
        cl.setExitCodeExceptionMapper(e -> e instanceof WorkerException w ? w.exitCode().code()
                : e instanceof CommandLine.ParameterException ? ExitCode.USAGE.code() : ExitCode.INTERNAL.code());
        return cl;
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = e instanceof WorkerException ? "error: " : "internal error: " + e.getClass().getSimpleName() + ": ";
        return prefix + msg.replace('\n', ' ').replace('\r', ' ');
    }
}
