package io.mediaworker.aws.s3;

import java.util.Locale;
import java.util.Map;

/** The Content-Type a delivered file is served with, by extension: what players and browsers expect. */
public final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4",
            "m4a", "audio/mp4",
            "mov", "video/quicktime",
            "json", "application/json",
            "html", "text/html; charset=utf-8",
            "jpg", "image/jpeg",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private ContentTypes() {}

    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
