package io.mediaworker;

import io.mediaworker.cli.CommandLineFactory;
import io.mediaworker.cli.StageContextFactory;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.Termination;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The jar's entry point; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        java.util.Optional<Integer> relaunched = LocaleRelaunch.relaunchIfNeeded(args);
        if (relaunched.isPresent()) System.exit(relaunched.get());
        String[] arguments = LocaleRelaunch.arguments(args);
        StageContextFactory contexts = new StageContextFactory();
        Thread mainThread = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM (Batch termination, Spot reclaim): stop ffmpeg and its children before the JVM goes.
            if (finished.get()) return; // a normal exit: nothing is running
            Termination.request();
            contexts.runner().cancelAll();
            try {
                // docker stop and Batch give 10 s or more before SIGKILL: time to remove partials and record it.
                mainThread.join(8_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = CommandLineFactory.create(out, err, contexts).execute(arguments);
        } catch (Error | RuntimeException e) {
            // Errors bypass picocli's handler; still one line and the documented code, not a bare stack trace.
            err.println("media-worker: internal error: " + e);
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        err.flush();
        finished.set(true);
        System.exit(code == 0 ? ExitCode.OK.code() : code);
    }
}
