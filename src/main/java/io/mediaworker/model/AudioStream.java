package io.mediaworker.model;

import java.util.Optional;

/**
 * One audio stream as probed. {@code defaultTrack} and {@code commentDisposition} are the
 * container's flags, {@code title} its track name: the track-selection policy reads them to tell
 * the main mix from commentary. A prober that cannot learn them leaves them false and empty.
 */
public record AudioStream(
        int index,
        String codec,
        Optional<String> profile,
        int channels,
        Optional<String> channelLayout,
        int sampleRate,
        Optional<String> language,
        boolean defaultTrack,
        boolean commentDisposition,
        Optional<String> title) {

    public AudioStream {
        title = title == null ? Optional.empty() : title;
    }

    /** A stream without flags or title (what the banner prober learns). */
    public AudioStream(int index, String codec, Optional<String> profile, int channels, Optional<String> channelLayout,
                       int sampleRate, Optional<String> language) {
        this(index, codec, profile, channels, channelLayout, sampleRate, language, false, false, Optional.empty());
    }

    /** Flagged as commentary, or named so (MP4 has no comment flag; muxers put it in the title). */
    public boolean commentary() {
        return commentDisposition || title.filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains("commentary")).isPresent();
    }
}
