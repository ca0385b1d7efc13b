package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.cli.StageContextFactory;
import io.mediaworker.log.JsonLineLayout;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.HostileCorpus;
import io.mediaworker.testing.JarLauncher;
import io.mediaworker.transfer.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Nothing in logs, manifests or reason files carries credentials: a source whose location is a
 * URL with a password and a presigned signature, and a whole run with AWS secrets in the
 * environment and debug JSON logging, are searched for the secrets byte for byte.
 */
class CredentialsIT {
    private static final String PASSWORD = "hunter2-Zq8", SIGNATURE = "0f3a9cd41e77b2", SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY", TOKEN = "IQoJb3JpZ2luX2VjE-session";

    @TempDir static Path mediaDir;
    static HostileCorpus corpus;
    @TempDir Path work;

    @BeforeAll
    static void setUp() {
        GeneratedMedia.assumeFfmpeg();
        corpus = new HostileCorpus(mediaDir);
    }

    /** A source fetched from a URL (as an S3 or HTTP source would be), its bytes the baseline clip. */
    private record UrlSource(String location, Path bytes) implements Source {
        @Override public String fileName() { return "clip.mp4"; }
        @Override public InputStream open() throws IOException { return Files.newInputStream(bytes); }
    }

    @Test
    void aSourceUrlsPasswordAndSignatureReachNeitherManifestNorLog() throws IOException {
        String url = "https://editor:" + PASSWORD + "@media.example.com/in/clip.mp4?X-Amz-Expires=900&X-Amz-Signature=" + SIGNATURE;
        Path root = work.resolve("content");
        List<String> lines = new ArrayList<>();
        Logger logger = (Logger) LoggerFactory.getLogger(IngestStage.class);
        Level before = logger.getLevel();
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.start();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override protected void append(ILoggingEvent e) { lines.add(layout.doLayout(e)); }
        };
        capture.setContext(layout.getContext());
        capture.start();
        logger.addAppender(capture);
        logger.setLevel(Level.INFO);
        try {
            StageContext ctx = new StageContextFactory().create(root, Optional.empty(), Duration.ofSeconds(120));
            new IngestStage(ctx).run(new IngestStage.Request(new UrlSource(url, corpus.baseline()), Optional.empty()));
        } finally {
            logger.detachAppender(capture);
            logger.setLevel(before);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("media.example.com")), "the ingest line names where the source came from: " + lines);
        assertNoSecret(String.join("", lines), "log");
        String id = FileState.sha256(corpus.baseline()).substring(0, 20);
        String manifest = Files.readString(root.resolve("ingest").resolve(id).resolve("manifest.json"));
        assertNoSecret(manifest, "manifest");
        JsonNode source = new ObjectMapper().readTree(manifest).path("source");
        assertEquals("https://***@media.example.com/in/clip.mp4?X-Amz-Expires=900&X-Amz-Signature=***", source.path("location").asText());
    }

    @Test
    void aWholeRunWithAwsSecretsInTheEnvironmentWritesThemNowhere() throws IOException {
        Path root = work.resolve("content"), dest = work.resolve("delivery");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_SESSION_TOKEN", TOKEN);
        CliResult r = JarLauncher.run(env, List.of("--log-format", "json", "-v", "run", corpus.baseline().toString(),
                "--to", dest.toString(), "--content-root", root.toString()));
        assertEquals(0, r.exitCode(), r.describe());
        assertNoSecret(r.stdout() + r.stderr(), "stdout/stderr");
        int files = 0;
        for (Path top : List.of(root, dest)) {
            for (String rel : FileState.filesUnder(top)) {
                assertNoSecret(new String(Files.readAllBytes(top.resolve(rel)), StandardCharsets.ISO_8859_1), top.relativize(top.resolve(rel)).toString());
                files++;
            }
        }
        assertTrue(files >= 8, "expected the whole tree and delivery, found " + files + " files");
    }

    private static void assertNoSecret(String text, String where) {
        for (String secret : List.of(PASSWORD, SIGNATURE, SECRET_KEY, TOKEN)) {
            assertFalse(text.contains(secret), where + " carries a credential (" + secret + ")");
        }
    }
}
