package io.mediaworker.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void urlPasswordsAreMaskedAndTheRestKept() {
        assertEquals("cannot copy https://***@media.example.com/in/clip.mov: 403",
                Redaction.redact("cannot copy https://editor:hunter2@media.example.com/in/clip.mov: 403"));
        assertEquals("ftp://***@host/a and sftp://***@h2/b",
                Redaction.redact("ftp://u:p@host/a and sftp://x:@h2/b"));
        assertEquals("https://bob@host/x", Redaction.redact("https://bob@host/x"), "a user name alone is no secret");
    }

    @Test
    void presignedUrlSignaturesAndTokensAreMasked() {
        String presigned = "https://bucket.s3.amazonaws.com/k.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAEXAMPLE%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T060000Z"
                + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FQoGZXIvYXdz&X-Amz-Signature=0f3a9c";
        assertEquals("https://bucket.s3.amazonaws.com/k.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***"
                + "&X-Amz-Date=20261204T060000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=***&X-Amz-Signature=***",
                Redaction.redact(presigned));
        assertEquals("https://cdn.example.com/v.mp4?token=***&w=1", Redaction.redact("https://cdn.example.com/v.mp4?token=abc.def&w=1"));
    }

    @Test
    void awsKeySettingsAreMasked() {
        assertEquals("env AWS_SECRET_ACCESS_KEY=*** AWS_SESSION_TOKEN: ***",
                Redaction.redact("env AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG AWS_SESSION_TOKEN: IQoJb3JpZ2lu"));
    }

    @Test
    void plainTextAndPathsAreLeftAlone() {
        String s = "transcode failed: /content/ingest/abc/source.mp4: Invalid data found; file:/x:y@z.mp4";
        assertEquals(s, Redaction.redact(s));
        assertEquals(null, Redaction.redact(null));
    }

    @Test
    void theTextPatternOfTheShippedLogbackXmlMasks() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        ch.qos.logback.classic.joran.JoranConfigurator joran = new ch.qos.logback.classic.joran.JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(java.nio.file.Path.of("src/main/resources/logback.xml").toFile());
        var appender = (ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        var layout = ((ch.qos.logback.classic.encoder.PatternLayoutEncoder) appender.getEncoder()).getLayout();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("t"), Level.INFO, "fetching {}", null,
                new Object[] {"https://u:pw@h/x.mp4"});
        String line = layout.doLayout(e);
        assertTrue(line.endsWith("fetching https://***@h/x.mp4" + System.lineSeparator()), line);
        JsonLineLayout json = new JsonLineLayout();
        json.setContext(context);
        json.start();
        assertFalse(json.doLayout(e).contains(":pw@"), "the JSON layout masks too");
        context.stop();
    }
}
