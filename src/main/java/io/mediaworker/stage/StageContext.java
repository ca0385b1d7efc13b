package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.ffmpeg.FfmpegInfo;
import io.mediaworker.ffmpeg.FfmpegTools;
import io.mediaworker.ffmpeg.ProcessRunner;
import io.mediaworker.ffmpeg.Prober;
import io.mediaworker.gpu.GpuDetector;
import io.mediaworker.manifest.ToolVersions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every stage needs from the outside world, built once per process by the CLI: the content
 * tree, the ffmpeg and its prober, the process runner, the clock, who and which attempt we are, and how to look for a GPU.
 */
public record StageContext(
        ContentTree tree,
        FfmpegTools tools,
        Supplier<FfmpegInfo> ffmpegInfo,
        ProcessRunner runner,
        Prober prober,
        Clock clock,
        String host,
        int attempt,
        String workerVersion,
        Duration stallTimeout,
        ProgressSink progress,
        GpuDetector gpu) {

    /** The same context over another content tree (doctor's scratch tree). */
    public StageContext withTree(ContentTree other, ProgressSink quietProgress) {
        return new StageContext(other, tools, ffmpegInfo, runner, prober, clock, host, attempt, workerVersion, stallTimeout,
                quietProgress, gpu);
    }

    public ToolVersions toolVersions() {
        FfmpegInfo info = ffmpegInfo.get();
        return new ToolVersions(workerVersion, info.path().toString(), info.version(), info.configuration());
    }
}
