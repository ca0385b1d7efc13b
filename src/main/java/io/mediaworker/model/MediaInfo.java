package io.mediaworker.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a probe learned about a media file: the container and its streams. */
public record MediaInfo(
        String container,
        Optional<Duration> duration,
        long sizeBytes,
        Optional<Long> bitRate,
        List<VideoStream> videoStreams,
        List<AudioStream> audioStreams,
        int subtitleStreams,
        int dataStreams,
        int attachmentStreams) {

    public MediaInfo {
        videoStreams = List.copyOf(videoStreams);
        audioStreams = List.copyOf(audioStreams);
    }

    /** The picture to transcode: the first video stream that is not cover art. */
    public Optional<VideoStream> mainVideo() {
        return videoStreams.stream().filter(v -> !v.attachedPicture()).findFirst();
    }

    public Optional<AudioStream> mainAudio() {
        return audioStreams.stream().findFirst();
    }

    public double durationSeconds() {
        // Not toNanos(): a patched header declaring centuries would overflow it.
        return duration.map(d -> d.getSeconds() + d.getNano() / 1e9).orElse(0.0);
    }
}
