package io.mediaworker.model;

import java.util.Optional;

/** How a video's fields are ordered, in ffprobe's vocabulary. */
public enum FieldOrder {
    PROGRESSIVE("progressive", "progressive"),
    TOP_FIRST("tt", "top first"),
    BOTTOM_FIRST("bb", "bottom first"),
    TOP_CODED_BOTTOM_FIRST("tb", "top coded first (swapped)"),
    BOTTOM_CODED_TOP_FIRST("bt", "bottom coded first (swapped)");

    private final String ffprobeName;
    private final String ffmpegBanner;

    FieldOrder(String ffprobeName, String ffmpegBanner) {
        this.ffprobeName = ffprobeName;
        this.ffmpegBanner = ffmpegBanner;
    }

    public boolean interlaced() { return this != PROGRESSIVE; }

    public static Optional<FieldOrder> fromFfprobe(String name) {
        for (FieldOrder f : values()) if (f.ffprobeName.equals(name)) return Optional.of(f);
        return Optional.empty();
    }

    /** The words `ffmpeg -i` prints inside the pixel-format parentheses. */
    public static Optional<FieldOrder> fromFfmpegBanner(String words) {
        for (FieldOrder f : values()) if (f.ffmpegBanner.equals(words)) return Optional.of(f);
        return Optional.empty();
    }
}
