package io.mediaworker.ffmpeg;

import io.mediaworker.model.TransientException;
import java.nio.file.Path;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/** The ffmpeg jave2 ships inside its native-bin jars, extracted to the temp folder on first use. */
final class BundledFfmpeg {
    private BundledFfmpeg() {}

    static Path extract() {
        try {
            return Path.of(new DefaultFFMPEGLocator().getExecutablePath());
        } catch (RuntimeException e) {
            throw new TransientException("no ffmpeg on PATH and the bundled one could not be extracted: " + e.getMessage(), e);
        }
    }
}
