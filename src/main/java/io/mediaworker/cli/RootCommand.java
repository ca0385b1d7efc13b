package io.mediaworker.cli;

import io.mediaworker.log.LogSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code media-worker}: the global options every subcommand inherits; the work is in the subcommands. */
@Command(name = "media-worker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Takes media through ingest -> transcode -> qc -> deliver on a shared content tree.",
                "Each stage is one subcommand (one AWS Batch job); 'run' chains all four for one source."},
        subcommands = {IngestCommand.class, TranscodeCommand.class, QcCommand.class, DeliverCommand.class, RunCommand.class, SubmitCommand.class,
                DoctorCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {ExitCodes.TABLE})
public final class RootCommand implements Runnable {

    @Spec CommandSpec spec;

    @Option(names = "--content-root", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "${env:CONTENT_ROOT:-/content}",
            description = "Root of the content tree (env CONTENT_ROOT, default ${DEFAULT-VALUE}).")
    Path contentRoot;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            defaultValue = "${env:LOG_FORMAT:-text}",
            description = "Logs on stderr as text or as JSON lines (env LOG_FORMAT, default ${DEFAULT-VALUE}).")
    LogSetup.Format logFormat;

    @Option(names = "--ffmpeg", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "The ffmpeg to use (env FFMPEG_PATH; default: ffmpeg on PATH, else the bundled one).")
    Optional<Path> ffmpeg;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Debug logging.")
    boolean verbose;

    @Option(names = "--stall-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            defaultValue = "${env:MEDIA_STALL_TIMEOUT:-120}",
            description = "Kill ffmpeg (exit 4) when it makes no progress for this long (env MEDIA_STALL_TIMEOUT, default ${DEFAULT-VALUE}).")
    long stallTimeoutSeconds;

    @Option(names = "--status-table", scope = ScopeType.INHERIT, paramLabel = "NAME",
            defaultValue = "${env:MEDIA_STATUS_TABLE}",
            description = "DynamoDB table for per-asset status (env MEDIA_STATUS_TABLE; default: none).")
    String statusTable;

    @Option(names = "--notify-topic", scope = ScopeType.INHERIT, paramLabel = "ARN",
            defaultValue = "${env:MEDIA_NOTIFY_TOPIC}",
            description = "SNS topic for completion and failure messages (env MEDIA_NOTIFY_TOPIC; default: none).")
    String notifyTopic;

    @Option(names = "--expected-bucket-owner", scope = ScopeType.INHERIT, paramLabel = "ACCOUNT",
            defaultValue = "${env:MEDIA_EXPECTED_BUCKET_OWNER}",
            description = "Refuse S3 buckets not owned by this account id (env MEDIA_EXPECTED_BUCKET_OWNER).")
    String expectedBucketOwner;

    private StageContextFactory contexts = new StageContextFactory();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    void useContexts(StageContextFactory factory) { this.contexts = factory; }

    StageContextFactory contexts() { return contexts; }

    Duration stallTimeout() {
        if (stallTimeoutSeconds < 1) {
            throw new io.mediaworker.model.UsageException("--stall-timeout (MEDIA_STALL_TIMEOUT) must be at least 1 second, not " + stallTimeoutSeconds);
        }
        return Duration.ofSeconds(stallTimeoutSeconds);
    }
}
