package io.mediaworker.ffmpeg;

import java.nio.file.Path;
import java.util.List;

/**
 * How a source file is named to ffmpeg and ffprobe. Media is untrusted: the file is opened through
 * the {@code file:} protocol only (no network, no protocol tricks in a file name) and by a demuxer
 * from a list of single-file media containers (no playlists, concat lists or image patterns that
 * would make ffmpeg open other files).
 */
public final class InputArgs {
    /** Demuxers for the containers a media team receives; each name matches ffmpeg's demuxer list. */
    static final String DEMUXERS = String.join(",",
            "mov", "mp4", "matroska", "webm", "avi", "mpegts", "mpeg", "mxf", "flv", "asf", "ogg", "wav",
            "w64", "aiff", "mp3", "aac", "ac3", "eac3", "flac", "dv", "gxf", "lxf", "h264", "hevc", "m4v",
            "mpegvideo", "ivf", "yuv4mpegpipe", "rm", "nut", "caf", "amr", "3gp");

    private InputArgs() {}

    /** The options and {@code -i} for one input; ffprobe takes the same options before its file. */
    public static List<String> forInput(Path file) {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", DEMUXERS, "-i", url(file));
    }

    /** A {@code file:} URL of the absolute path, so names like {@code http:x} or {@code -y} stay names. */
    public static String url(Path file) {
        return "file:" + file.toAbsolutePath().normalize();
    }
}
