package io.mediaworker.cli;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistryProvider;
import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.FfmpegInfo;
import io.mediaworker.ffmpeg.FfmpegLocator;
import io.mediaworker.ffmpeg.FfmpegTools;
import io.mediaworker.ffmpeg.RealProcessRunner;
import io.mediaworker.gpu.GpuDetector;
import io.mediaworker.log.TerminalProgress;
import io.mediaworker.stage.StageContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the one {@link StageContext} of a process from the global options and the environment.
 * The process runner it creates is the one the shutdown hook cancels.
 */
public class StageContextFactory {
    private final RealProcessRunner runner = new RealProcessRunner();
    private final Map<String, String> env;
    private AwsClients aws;

    public StageContextFactory() {
        this(System.getenv());
    }

    public StageContextFactory(Map<String, String> env) {
        this.env = env;
    }

    public RealProcessRunner runner() { return runner; }

    /** The AWS clients of this process, built on first use (only S3, status and notify options need them). */
    public synchronized AwsClients aws() {
        if (aws == null) aws = AwsClients.fromEnvironment(env);
        return aws;
    }
    /** The status table {@code submit} asks before submitting; tests hand in one of their own. */
    public PipelineRegistry pipelineRegistry() { return PipelineRegistryProvider.load(env); }

    /** The status table named by {@code --status-table} when given, else {@link #pipelineRegistry()}. */
    public PipelineRegistry pipelineRegistry(String statusTable) {
        if (statusTable == null || statusTable.isBlank() || statusTable.equals(env.get("MEDIA_STATUS_TABLE"))) return pipelineRegistry();
        Map<String, String> withTable = new java.util.HashMap<>(env);
        withTable.put("MEDIA_STATUS_TABLE", statusTable.trim());
        return PipelineRegistryProvider.load(withTable);
    }

    public StageContext create(Path contentRoot, Optional<Path> ffmpegFlag, Duration stallTimeout) {
        FfmpegTools tools = new FfmpegLocator(Optional.ofNullable(env.get("PATH")), FfmpegLocator.BUNDLED).locate(ffmpegFlag, Optional.ofNullable(env.get("FFMPEG_PATH")).filter(s -> !s.isBlank()).map(Path::of));
        Supplier<FfmpegInfo> info = memoize(() -> FfmpegInfo.read(tools.ffmpeg(), runner));
        return new StageContext(new ContentTree(contentRoot), tools, info, runner, tools.prober(runner), Clock.systemUTC(),
                host(), attempt(), VersionProvider.workerVersion(), stallTimeout,
                new TerminalProgress(System.console() != null ? System.err : null),
                new GpuDetector(env, Path.of("/dev"), runner));
    }

    private int attempt() {
        try {
            return Math.max(1, Integer.parseInt(env.getOrDefault("AWS_BATCH_JOB_ATTEMPT", "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String host() {
        String h = env.get("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }
}
