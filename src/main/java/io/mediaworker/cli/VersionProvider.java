package io.mediaworker.cli;

import io.mediaworker.ffmpeg.FfmpegInfo;
import io.mediaworker.ffmpeg.FfmpegLocator;
import io.mediaworker.ffmpeg.FfmpegTools;
import io.mediaworker.ffmpeg.RealProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the worker's version and the ffmpeg it would use, with where it was found. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String ffmpegLine;
        try {
            FfmpegTools tools = FfmpegLocator.system().locate(Optional.empty(), Optional.ofNullable(System.getenv("FFMPEG_PATH")).map(Path::of));
            ffmpegLine = "ffmpeg " + FfmpegInfo.versionOf(tools.ffmpeg(), new RealProcessRunner()) + " (" + tools.ffmpeg() + ", " + tools.origin()
                    + (tools.ffprobe().isPresent() ? ", ffprobe " + tools.ffprobe().get() : ", no ffprobe") + ")";
        } catch (RuntimeException e) {
            ffmpegLine = "ffmpeg: not available (" + e.getMessage() + ")";
        }
        return new String[] {"media-worker " + workerVersion(), ffmpegLine};
    }

    public static String workerVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/mediaworker/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
