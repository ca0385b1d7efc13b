package io.mediaworker.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The video codecs a rung can ask for, with the profile each gets unless the rung says otherwise. */
public enum VideoCodec {
    H264("h264", "high"),
    HEVC("hevc", "main");

    private final String ffmpegName;
    private final String defaultProfile;

    VideoCodec(String ffmpegName, String defaultProfile) {
        this.ffmpegName = ffmpegName;
        this.defaultProfile = defaultProfile;
    }

    /** The codec name ffprobe reports for it. */
    @JsonValue public String ffmpegName() { return ffmpegName; }

    public String defaultProfile() { return defaultProfile; }

    @JsonCreator
    public static VideoCodec parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (VideoCodec c : values()) if (c.ffmpegName.equals(n) || (c == HEVC && n.equals("h265")) || (c == H264 && n.equals("avc"))) return c;
        throw new IllegalArgumentException("codec must be h264 or hevc, not " + name);
    }
}
