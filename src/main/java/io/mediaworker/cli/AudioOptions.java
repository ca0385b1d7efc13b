package io.mediaworker.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Which audio track transcode carries; shared by transcode and run. */
final class AudioOptions {

    @Option(names = "--audio-language", paramLabel = "LANG", defaultValue = "${env:MEDIA_AUDIO_LANGUAGE}",
            description = "Carry the first audio track in this ISO 639 language (en, eng, fra, fre, ...); without it, or when "
                    + "no track has it, the default-flagged track that is not commentary, else the first (env MEDIA_AUDIO_LANGUAGE).")
    String audioLanguage;

    Optional<String> language() {
        return Optional.ofNullable(audioLanguage);
    }
}
