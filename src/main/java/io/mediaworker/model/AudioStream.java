package io.mediaworker.model;

import java.util.Optional;

/** One audio stream as probed. */
public record AudioStream(
        int index,
        String codec,
        Optional<String> profile,
        int channels,
        Optional<String> channelLayout,
        int sampleRate,
        Optional<String> language) {
}
