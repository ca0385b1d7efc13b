package io.mediaworker.manifest;

import java.util.List;

/** The programs a stage ran: the worker's version, and the ffmpeg (path, version, build flags). */
public record ToolVersions(String worker, String ffmpegPath, String ffmpegVersion, List<String> ffmpegConfiguration) {
}
