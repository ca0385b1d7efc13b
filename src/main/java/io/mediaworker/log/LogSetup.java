package io.mediaworker.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Points logging at stderr as text or JSON lines, and puts the job's identity on every line. */
public final class LogSetup {
    public enum Format { text, json }

    private LogSetup() {}

    public static void configure(Format format, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (verbose) root.setLevel(Level.DEBUG); // otherwise the level logback.xml (or a test's logback-test.xml) set stands
        if (format == Format.text) return; // logback.xml already logs text to stderr
        root.detachAndStopAllAppenders();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setTarget("System.err");
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }

    /** Job identity for every following line: attempt and Batch job id from the environment. */
    public static void identifyJob(Map<String, String> env) {
        MDC.put("attempt", env.getOrDefault("AWS_BATCH_JOB_ATTEMPT", "1"));
        String job = env.get("AWS_BATCH_JOB_ID");
        if (job != null) MDC.put("batchJobId", job);
    }

    public static void stage(String stage, String assetId) {
        MDC.put("stage", stage);
        if (assetId != null) MDC.put("assetId", assetId);
    }

}
