package io.mediaworker.plan;

import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the renditions for a probed source. Pure: probe and profile in, {@link Ladder} out.
 *
 * <p>Rules: sizes keep the source's display aspect ratio (pixel aspect and rotation applied),
 * square pixels, even dimensions. Nothing is upscaled: when the source is smaller than the top
 * rung, rungs not clearly below it (within {@link #MERGE_MARGIN}) are dropped and the source's own
 * size becomes the top rung, at the dropped rung's bits per pixel.
 */
public final class LadderPlanner {
    /** A rung within 10% below the source's size would look the same as a rung at the source size. */
    static final double MERGE_MARGIN = 1.10;
    /** Below this even a thumbnail-sized rung looks broken. */
    static final int MIN_KBPS = 64;
    /** The smallest rung height {@link RungSpec} allows. */
    static final int MIN_SHORT_SIDE = 16;

    private LadderPlanner() {}

    public static Ladder plan(MediaInfo source, LadderProfile profile) {
        return plan(source, profile, Optional.empty());
    }

    /** The ladder carrying the audio track {@link AudioTrackPolicy} picks for {@code audioLanguage}. */
    public static Ladder plan(MediaInfo source, LadderProfile profile, Optional<String> audioLanguage) {
        VideoStream video = source.mainVideo()
                .orElseThrow(() -> new InvalidInputException("no video stream: media-worker makes video renditions"));
        double displayWidth = video.displayWidth(), displayHeight = video.displayHeight();
        boolean portrait = displayHeight > displayWidth;
        int sourceShort = evenBelow(Math.min(displayWidth, displayHeight));
        if (sourceShort < MIN_SHORT_SIDE) {
            throw new InvalidInputException("picture is " + video.size() + ": too small for a rendition (needs " + MIN_SHORT_SIDE + " lines)");
        }
        Rational rate = FrameRatePolicy.outputRate(video, profile.maxFrameRate());
        List<String> notes = new ArrayList<>();

        List<Rendition> renditions = new ArrayList<>();
        RungSpec top = profile.rungs().get(0);
        if (sourceShort >= top.height()) {
            for (RungSpec rung : profile.rungs()) renditions.add(rendition(rung, rung.videoKbps(), displayWidth, displayHeight, portrait, rate));
        } else {
            RungSpec justAbove = top;
            for (RungSpec rung : profile.rungs()) {
                // The epsilon keeps the boundary exact: 360 * 1.1 is 396.00000000000006 in floating point.
                if (rung.height() * MERGE_MARGIN <= sourceShort + 1e-9) {
                    renditions.add(rendition(rung, rung.videoKbps(), displayWidth, displayHeight, portrait, rate));
                } else {
                    justAbove = rung;
                }
            }
            Resolution aboveSize = size(justAbove.height(), displayWidth, displayHeight, portrait);
            Resolution ownSize = size(sourceShort, displayWidth, displayHeight, portrait);
            int kbps = roundTo10((double) justAbove.videoKbps() * ownSize.pixels() / aboveSize.pixels());
            kbps = Math.max(kbps, renditions.isEmpty() ? MIN_KBPS : renditions.get(0).videoKbps());
            RungSpec own = new RungSpec(sourceShort, kbps, java.util.Optional.empty(), java.util.Optional.empty(), justAbove.profile(), justAbove.codec());
            renditions.add(0, rendition(own, kbps, displayWidth, displayHeight, portrait, rate));
            notes.add("source is " + ownSize + ": rungs above it dropped, top rung at the source's own size");
        }
        if (video.rotation() != 0) notes.add("rotation " + video.rotation() + "° applied");
        if (video.sampleAspectRatio().filter(s -> !s.equals(Rational.ofInt(1))).isPresent()) {
            notes.add("anamorphic source (SAR " + video.sampleAspectRatio().get() + ") scaled to square pixels");
        }
        int gop = (int) Math.ceil(profile.keyframeIntervalSeconds() * rate.toDouble() - 1e-9);
        return new Ladder(renditions, rate, profile.keyframeIntervalSeconds(), Math.max(gop, 1), video.index(),
                AudioTrackPolicy.choose(source.audioStreams(), audioLanguage).map(a -> a.streamIndex()), profile.audio(), profile.preset(), notes);
    }

    private static Rendition rendition(RungSpec rung, int kbps, double dw, double dh, boolean portrait, Rational rate) {
        Resolution size = size(rung.height(), dw, dh, portrait);
        double scale = (double) kbps / rung.videoKbps();
        return new Rendition(rung.height() + "p", rung.height() + "p.mp4", size, rate, kbps,
                roundTo10(rung.peakKbps() * scale), roundTo10(rung.bufferSizeKbps() * scale), rung.videoProfile(), rung.videoCodec());
    }

    /** The size of a rung whose short side is {@code shortSide}, keeping the display aspect ratio. */
    static Resolution size(int shortSide, double dw, double dh, boolean portrait) {
        boolean notTaller = shortSide <= Math.min(dw, dh);
        return portrait ? new Resolution(shortSide, longSide(shortSide * dh / dw, dh, notTaller))
                        : new Resolution(longSide(shortSide * dw / dh, dw, notTaller), shortSide);
    }

    /** Even; a rung no taller than the source is no wider either (1921x1080 gives 1920, not 1922). */
    private static int longSide(double exact, double sourceLong, boolean notTaller) {
        return notTaller ? Math.min(even(exact), evenBelow(sourceLong)) : even(exact);
    }

    /** Even, and never above x: the source's own size must not grow by a pixel. */
    static int evenBelow(double x) {
        return Math.max(2, (int) Math.floor(x / 2 + 1e-9) * 2);
    }

    static int even(double x) {
        return Math.max(2, (int) Math.round(x / 2) * 2);
    }

    private static int roundTo10(double kbps) {
        return (int) Math.max(10, Math.round(kbps / 10) * 10);
    }
}
