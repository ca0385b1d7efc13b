package io.mediaworker.qc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded ffmpeg 5.1 outputs in {@code src/test/resources/qc/} (see the README there for how each was made). */
final class Recorded {
    private Recorded() {}

    static String text(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/qc/" + name + ".ffmpeg-5.1.txt")) {
            if (in == null) throw new IllegalArgumentException("no recording " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MetadataLog.Frame> frames(String name) {
        return MetadataLog.parse(text(name));
    }
}
