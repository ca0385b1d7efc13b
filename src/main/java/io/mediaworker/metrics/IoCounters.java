package io.mediaworker.metrics;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How many bytes this process has read and written so far, through any file descriptor. On
 * Linux these are {@code rchar}/{@code wchar} of {@code /proc/self/io}, which also count the I/O
 * of every child process once it has been waited for (ffmpeg, ffprobe): a delta across a stage
 * is the stage's reads and writes on the content tree, plus small change (pipes from the
 * children, class loading, the {@code /proc} read itself). Empty where the counters do not exist.
 */
public interface IoCounters {
    IoCounters PROC_SELF = new ProcIoCounters(Path.of("/proc/self/io"));

    record Snapshot(long bytesRead, long bytesWritten) {
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(bytesRead - earlier.bytesRead, bytesWritten - earlier.bytesWritten);
        }
    }

    Optional<Snapshot> read();
}
