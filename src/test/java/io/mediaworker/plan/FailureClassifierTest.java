package io.mediaworker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediaworker.model.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void killedBySignalIsTransientWhateverItSaid() {
        assertEquals(ExitCode.TRANSIENT, FailureClassifier.classify(List.of("Invalid data found when processing input"), true));
    }

    @Test
    void machineFaultsInStderrAreTransient() {
        for (String line : List.of(
                "[mp4 @ 0x55d5] Error writing trailer of file:/content/.work/a/720p.mp4: No space left on device",
                "Error while decoding stream #0:0: Input/output error",
                "[libx264 @ 0x1] malloc of size 1048576 failed: Cannot allocate memory",
                "file:/mnt/efs/x.mp4: Stale file handle",
                "av_interleaved_write_frame(): Disk quota exceeded",
                "Could not open file : Read-only file system")) {
            assertEquals(ExitCode.TRANSIENT, FailureClassifier.classify(List.of("frame=  10 fps=0.0", line), false), line);
        }
    }

    @Test
    void anythingElseIsTheMediasFault() {
        assertEquals(ExitCode.INVALID_INPUT, FailureClassifier.classify(List.of(
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5581] moov atom not found",
                "file:/content/ingest/a/source.mp4: Invalid data found when processing input"), false));
        assertEquals(ExitCode.INVALID_INPUT, FailureClassifier.classify(List.of(
                "[h264 @ 0x1] error while decoding MB 12 5, bytestream -7"), false));
        assertEquals(ExitCode.INVALID_INPUT, FailureClassifier.classify(List.of(), false));
    }
}
