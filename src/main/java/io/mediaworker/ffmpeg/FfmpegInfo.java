package io.mediaworker.ffmpeg;

import io.mediaworker.plan.FfmpegFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code ffmpeg -version}, {@code -filters} and {@code -encoders} say about the ffmpeg in use. */
public record FfmpegInfo(Path path, String version, List<String> configuration, FfmpegFeatures features) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("^ffmpeg version (\\S+)");
    /** A filter or encoder row: flags, then the name, e.g. " ... scale_cuda  V->V  GPU scaler" or " V..... libx264 ...". */
    private static final Pattern ROW = Pattern.compile("^\\s*[A-Z.|]{3,8}\\s+(\\S+)\\s");

    public FfmpegInfo {
        configuration = List.copyOf(configuration);
    }

    public static FfmpegInfo read(Path ffmpeg, ProcessRunner runner) {
        String versionText = run(ffmpeg, runner, "-version");
        String version = parseVersion(versionText);
        if (version.equals("unknown")) { // e.g. --ffmpeg /bin/true: it "succeeds" and writes nothing, which must not look like bad media
            throw new io.mediaworker.model.UsageException(ffmpeg + " is not an ffmpeg: its -version output does not start with \"ffmpeg version\" "
                    + "(check --ffmpeg / FFMPEG_PATH)");
        }
        return new FfmpegInfo(ffmpeg, version, parseConfiguration(versionText),
                new FfmpegFeatures(parseNames(run(ffmpeg, runner, "-filters")), parseNames(run(ffmpeg, runner, "-encoders"))));
    }

    /** Only the version, for {@code --version}: one quick run of {@code ffmpeg -version}. */
    public static String versionOf(Path ffmpeg, ProcessRunner runner) {
        return parseVersion(run(ffmpeg, runner, "-version"));
    }

    static String parseVersion(String text) {
        Matcher m = VERSION.matcher(text.lines().findFirst().orElse(""));
        return m.find() ? m.group(1) : "unknown";
    }

    static List<String> parseConfiguration(String text) {
        return text.lines().filter(l -> l.startsWith("configuration:")).findFirst()
                .map(l -> Arrays.stream(l.substring("configuration:".length()).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Names from a -filters or -encoders listing; legend lines ("V..... = Video") are skipped. */
    static Set<String> parseNames(String listing) {
        Set<String> names = new HashSet<>();
        for (String line : listing.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.find() && !m.group(1).equals("=")) names.add(m.group(1));
        }
        return names;
    }

    private static String run(Path ffmpeg, ProcessRunner runner, String what) {
        ProcessResult r = runner.run(ProcessSpec.capture(new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", what)), TIMEOUT));
        if (!r.succeeded()) throw new io.mediaworker.model.TransientException("cannot run " + ffmpeg + " " + what + ": " + r.describe());
        return r.stdout();
    }
}
