package io.mediaworker.log;

import io.mediaworker.ffmpeg.Progress;
import io.mediaworker.stage.ProgressSink;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows progress as a redrawn bar on a terminal, or as a log line every few seconds when the
 * output goes to a file or CloudWatch (a bar there would be thousands of lines).
 */
public final class TerminalProgress implements ProgressSink {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalProgress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream terminal;
    private long lastLog;

    /** @param terminal the terminal to draw on, or null to log instead */
    public TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void report(String what, Progress p) {
        String figures = String.format(Locale.ROOT, "%s %s, %.0f fps, %.2fx, ETA %s", what,
                p.percent().map(v -> String.format(Locale.ROOT, "%5.1f%%", v)).orElse("?"), p.fps(), p.speed(),
                p.etaSeconds().map(TerminalProgress::clock).orElse("?"));
        if (terminal != null) {
            int filled = (int) Math.round(p.percent().orElse(0.0) / 100 * BAR_WIDTH);
            terminal.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + figures + "   ");
            if (p.finished()) terminal.println();
            terminal.flush();
            return;
        }
        long now = System.nanoTime();
        if (p.finished() || now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            LOG.info("progress: {}", figures);
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
