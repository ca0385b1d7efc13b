package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessResultTest {
    private static ProcessResult exited(int code, String... stderr) {
        return new ProcessResult(List.of("/usr/bin/ffmpeg", "-i", "x"), ProcessResult.Ending.EXITED, code, "", List.of(stderr), Duration.ZERO);
    }

    @Test
    void signalDeathsAreTheToolsNotTheMedias() {
        assertTrue(exited(137).killedBySignal(), "SIGKILL");
        assertTrue(exited(139).killedBySignal(), "SIGSEGV");
        assertTrue(exited(134).killedBySignal(), "SIGABRT");
        assertTrue(exited(255).killedBySignal(), "ffmpeg stopped by a signal it caught");
        assertEquals("ffmpeg was killed (SIGKILL): most often the kernel's out-of-memory killer; check the host's memory (dmesg)",
                exited(137).signalExplanation());
        assertEquals("ffmpeg crashed (SIGSEGV): a bug in ffmpeg or a broken library on this host", exited(139).signalExplanation());
    }

    @Test
    void errorExitsAreNotSignals() {
        assertFalse(exited(1).killedBySignal());
        assertFalse(exited(183).killedBySignal(), "ffmpeg 6.1+: AVERROR_INVALIDDATA's low byte");
        assertFalse(exited(234).killedBySignal(), "ffmpeg 6.1+: EINVAL");
        assertFalse(new ProcessResult(List.of("ffmpeg"), ProcessResult.Ending.STALLED, 137, "", List.of(), Duration.ZERO).killedBySignal(),
                "our own watchdog's kill is a stall, reported as such");
    }

    @Test
    void theLastErrorSkipsFfmpegsGenericClosingLines() {
        assertEquals("[hevc @ 0x1] Invalid NAL unit size", exited(1, "[hevc @ 0x1] Invalid NAL unit size",
                "Error while processing the decoded data for stream #0:0", "Conversion failed!").lastError());
    }
}
