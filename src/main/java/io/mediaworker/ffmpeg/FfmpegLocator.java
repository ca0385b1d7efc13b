package io.mediaworker.ffmpeg;

import io.mediaworker.model.UsageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds ffmpeg in the order DESIGN.md fixes: {@code --ffmpeg}, then {@code FFMPEG_PATH}, then
 * {@code ffmpeg} on PATH, then the binary jave2 bundles (so a fresh machine needs nothing
 * installed). An ffprobe is taken from beside the chosen ffmpeg, else from PATH.
 */
public final class FfmpegLocator {
    private final Optional<String> pathVariable;
    private final Supplier<Path> bundled;

    public FfmpegLocator(Optional<String> pathVariable, Supplier<Path> bundled) {
        this.pathVariable = pathVariable;
        this.bundled = bundled;
    }

    public static final Supplier<Path> BUNDLED = BundledFfmpeg::extract;

    public static FfmpegLocator system() {
        return new FfmpegLocator(Optional.ofNullable(System.getenv("PATH")), BUNDLED);
    }

    /** @param flag the --ffmpeg value; @param env the FFMPEG_PATH value */
    public FfmpegTools locate(Optional<Path> flag, Optional<Path> env) {
        if (flag.isPresent()) return withProbe(requireExecutable(flag.get(), "--ffmpeg"), "flag");
        if (env.isPresent()) return withProbe(requireExecutable(env.get(), "FFMPEG_PATH"), "env");
        Optional<Path> onPath = onPath("ffmpeg");
        if (onPath.isPresent()) return withProbe(onPath.get(), "path");
        return withProbe(bundled.get(), "bundled");
    }

    private FfmpegTools withProbe(Path ffmpeg, String origin) {
        Path beside = ffmpeg.resolveSibling("ffprobe");
        Optional<Path> ffprobe = Files.isExecutable(beside) ? Optional.of(beside) : onPath("ffprobe");
        return new FfmpegTools(ffmpeg, ffprobe, origin);
    }

    private Optional<Path> onPath(String program) {
        if (pathVariable.isEmpty()) return Optional.empty();
        for (String dir : pathVariable.get().split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static Path requireExecutable(Path p, String from) {
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            throw new UsageException(from + " names " + p + ", which is not an executable file");
        }
        return p;
    }
}
