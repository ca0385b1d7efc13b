package io.mediaworker.cli;

import io.mediaworker.plan.EncoderPreference;
import picocli.CommandLine.Option;

/** How transcode picks its encoder path; shared by transcode and run. */
final class EncoderOptions {

    @Option(names = "--encoder", paramLabel = "auto|cpu|gpu", defaultValue = "${env:MEDIA_ENCODER:-auto}",
            description = "auto: NVENC when a usable GPU encoder is found, else CPU; cpu: never the GPU; gpu: NVENC or exit 4 "
                    + "(env MEDIA_ENCODER, default ${DEFAULT-VALUE}).")
    EncoderPreference encoder;

    @Option(names = "--max-nvenc-sessions", paramLabel = "N", defaultValue = "${env:MEDIA_MAX_NVENC_SESSIONS:-0}",
            description = "Open at most N NVENC sessions (consumer cards allow few); further rungs encode on the CPU. "
                    + "0: no cap (env MEDIA_MAX_NVENC_SESSIONS, default ${DEFAULT-VALUE}).")
    int maxNvencSessions;

    int maxNvencSessions() {
        if (maxNvencSessions < 0) {
            throw new io.mediaworker.model.UsageException("--max-nvenc-sessions (MEDIA_MAX_NVENC_SESSIONS) must be 0 (no cap) or more, not " + maxNvencSessions);
        }
        return maxNvencSessions;
    }
}
