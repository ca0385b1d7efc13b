package io.mediaworker.testing;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.PixelFormats;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hand-built probe results for planner and QC tests: a progressive 8-bit H.264 stream at 25 fps
 * unless a test says otherwise, so each test states only what it is about.
 */
public final class TestMedia {
    private TestMedia() {}

    public static Video video(int width, int height) { return new Video(width, height); }

    public static AudioStream aac(int index, int channels, int sampleRate) {
        return new AudioStream(index, "aac", Optional.of("LC"), channels, Optional.of(channels == 2 ? "stereo" : channels + " channels"),
                sampleRate, Optional.empty());
    }

    public static AudioStream stereoAac(int index) { return aac(index, 2, 48_000); }

    public static MediaInfo mp4(double seconds, VideoStream video, AudioStream... audio) {
        return new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", Optional.of(Duration.ofNanos(Math.round(seconds * 1e9))), 1_000_000,
                Optional.empty(), List.of(video), List.of(audio), 0, 0, 0);
    }

    public static MediaInfo audioOnly(double seconds, AudioStream audio) {
        return new MediaInfo("wav", Optional.of(Duration.ofNanos(Math.round(seconds * 1e9))), 1_000_000,
                Optional.empty(), List.of(), List.of(audio), 0, 0, 0);
    }

    /** A test-only builder: a changed copy per call would be noise here. */
    public static final class Video {
        private final int width, height;
        private int index = 0;
        private String codec = "h264";
        private Optional<String> profile = Optional.of("High");
        private Optional<Rational> sar = Optional.empty();
        private Optional<Rational> avg = Optional.of(Rational.ofInt(25));
        private Optional<Rational> base = Optional.of(Rational.ofInt(25));
        private Optional<String> pixelFormat = Optional.of("yuv420p");
        private Optional<Integer> bitDepth = Optional.of(8);
        private Optional<String> range = Optional.of("tv");
        private Optional<String> primaries = Optional.empty(), transfer = Optional.empty(), matrix = Optional.empty();
        private int rotation = 0;
        private Optional<FieldOrder> fieldOrder = Optional.of(FieldOrder.PROGRESSIVE);

        private Video(int width, int height) { this.width = width; this.height = height; }

        public Video index(int i) { index = i; return this; }
        public Video codec(String c) { codec = c; return this; }
        public Video profile(String p) { profile = Optional.ofNullable(p); return this; }
        public Video sar(long num, long den) { sar = Optional.of(Rational.of(num, den)); return this; }
        /** Average and base rate alike. */
        public Video fps(Rational r) { avg = Optional.of(r); base = Optional.of(r); return this; }
        public Video rates(Optional<Rational> average, Optional<Rational> baseRate) { avg = average; base = baseRate; return this; }
        public Video rotation(int degreesClockwise) { rotation = degreesClockwise; return this; }
        public Video fieldOrder(FieldOrder f) { fieldOrder = Optional.of(f); return this; }
        /** The pixel format, with the bit depth a prober derives from it. */
        public Video pixelFormat(String p) { pixelFormat = Optional.of(p); bitDepth = PixelFormats.bitDepth(p); return this; }
        /** ffprobe's color_range: tv (limited) or pc (full). */
        public Video range(String r) { range = Optional.of(r); return this; }
        public Video colours(String colourPrimaries, String colourTransfer, String colourMatrix) {
            primaries = Optional.of(colourPrimaries);
            transfer = Optional.of(colourTransfer);
            matrix = Optional.of(colourMatrix);
            return this;
        }
        /** Only the matrix tagged, as some encoders write it. */
        public Video matrix(String colourMatrix) { matrix = Optional.of(colourMatrix); return this; }
        public Video hdr10() {
            pixelFormat = Optional.of("yuv420p10le");
            bitDepth = Optional.of(10);
            primaries = Optional.of("bt2020");
            transfer = Optional.of("smpte2084");
            matrix = Optional.of("bt2020nc");
            return this;
        }

        public VideoStream build() {
            return new VideoStream(index, codec, profile, new Resolution(width, height), sar, Optional.empty(), avg, base,
                    pixelFormat, bitDepth, range, primaries, transfer, matrix, rotation, fieldOrder, false);
        }
    }
}
