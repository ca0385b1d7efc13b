package io.mediaworker.stage;

import io.mediaworker.ffmpeg.Progress;

/** Where a long-running stage reports progress: a bar on a terminal, a log line now and then otherwise. */
public interface ProgressSink {
    void report(String what, Progress progress);

    ProgressSink NONE = (what, progress) -> { };
}
