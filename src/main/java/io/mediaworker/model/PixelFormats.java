package io.mediaworker.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts read from an ffmpeg pixel-format name, so every prober derives them the same way. */
public final class PixelFormats {
    private static final Pattern DEPTH = Pattern.compile("(?:p|le|be|f)?(\\d{2})(?:le|be)$");
    private static final Pattern SEMI_PLANAR = Pattern.compile("^p0(\\d{2})(?:le|be)$");

    private PixelFormats() {}

    /** Bits per component: 10 for yuv420p10le and p010le, 8 for yuv420p, nv12 and rgb24. */
    public static Optional<Integer> bitDepth(String pixelFormat) {
        if (pixelFormat == null || pixelFormat.isEmpty() || pixelFormat.equals("none")) return Optional.empty();
        Matcher sp = SEMI_PLANAR.matcher(pixelFormat);
        if (sp.find()) return Optional.of(Integer.parseInt(sp.group(1)));
        Matcher m = DEPTH.matcher(pixelFormat);
        if (m.find()) {
            int bits = Integer.parseInt(m.group(1));
            if (bits >= 9 && bits <= 16) return Optional.of(bits);
            if (bits == 48 || bits == 64) return Optional.of(16); // packed rgb48le, rgba64be: 16 per component
        }
        return Optional.of(8);
    }

    public static boolean isChroma420(String pixelFormat) {
        return pixelFormat.startsWith("yuv420") || pixelFormat.startsWith("yuvj420")
                || pixelFormat.startsWith("nv12") || pixelFormat.startsWith("p010") || pixelFormat.startsWith("p016");
    }
}
