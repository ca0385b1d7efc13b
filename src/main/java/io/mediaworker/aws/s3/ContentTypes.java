package io.mediaworker.aws.s3;

import java.util.Locale;
import java.util.Map;

/** The Content-Type a delivered file is served with, by extension: what players and browsers expect. */
public final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("m4s", "video/iso.segment"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("mpd", "application/dash+xml"),
            Map.entry("vtt", "text/vtt; charset=utf-8"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("json", "application/json"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private ContentTypes() {}

    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
