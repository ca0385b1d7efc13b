package io.mediaworker.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.plan.FfmpegFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Output of Debian 12's ffmpeg 5.1.9, recorded with {@code ffmpeg -hide_banner -version}, {@code -filters}
 * and {@code -encoders} into {@code src/test/resources/ffmpeg-info/}.
 */
class FfmpegInfoTest {

    @Test
    void versionIsTheWordAfterFfmpegVersion() {
        assertEquals("5.1.9-0+deb12u1", FfmpegInfo.parseVersion(resource("version-5.1.txt")));
        assertEquals("n7.1-static", FfmpegInfo.parseVersion("ffmpeg version n7.1-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2024"));
        assertEquals("unknown", FfmpegInfo.parseVersion("avconv version 12"));
        assertEquals("unknown", FfmpegInfo.parseVersion(""));
    }

    @Test
    void configurationIsSplitIntoFlags() {
        List<String> flags = FfmpegInfo.parseConfiguration(resource("version-5.1.txt"));
        assertEquals("--prefix=/usr", flags.get(0));
        assertEquals("--enable-shared", flags.get(flags.size() - 1));
        assertTrue(flags.contains("--enable-libx264"));
        assertTrue(flags.contains("--enable-libzimg"));
        assertTrue(flags.contains("--enable-gpl"));
        assertEquals(74, flags.size()); // counted in the recorded line: 74 space-separated flags
        assertEquals(List.of(), FfmpegInfo.parseConfiguration("ffmpeg version 5.1\nbuilt with gcc 12\n"));
    }

    @Test
    void filterNamesAreReadAndTheLegendIsNot() {
        Set<String> filters = FfmpegInfo.parseNames(resource("filters-5.1.txt"));
        for (String f : List.of("zscale", "tonemap", "scale_cuda", "bwdif", "split", "fps", "scale", "setsar", "format",
                "nullsrc", "anullsink", "abench")) {
            assertTrue(filters.contains(f), f);
        }
        // Legend lines ("  T.. = Timeline support", "  A = Audio input/output", "  | = Source or sink filter") and
        // the "Filters:" heading are not names.
        for (String notAName : List.of("=", "T..", "A", "V", "N", "|", "Filters:", "Timeline", "Audio")) {
            assertFalse(filters.contains(notAName), notAName);
        }
        // One name per row below the 8 heading and legend lines.
        assertEquals(resource("filters-5.1.txt").lines().count() - 8, filters.size());
    }

    @Test
    void encoderNamesAreReadAndTheLegendIsNot() {
        Set<String> encoders = FfmpegInfo.parseNames(resource("encoders-5.1.txt"));
        for (String e : List.of("libx264", "h264_nvenc", "hevc_nvenc", "aac", "libx265", "libopus")) {
            assertTrue(encoders.contains(e), e);
        }
        for (String notAName : List.of("=", "V.....", "Video", "Audio", "------", "Encoders:")) {
            assertFalse(encoders.contains(notAName), notAName);
        }
        // Heading, 8 legend lines and the "------" rule come before the rows.
        assertEquals(resource("encoders-5.1.txt").lines().count() - 10, encoders.size());
    }

    @Test
    void featuresFromTheListingsCanToneMap() {
        FfmpegFeatures withZimg = new FfmpegFeatures(FfmpegInfo.parseNames(resource("filters-5.1.txt")), Set.of());
        assertTrue(withZimg.canToneMap());
        // jave2's bundled 4.4 static build has tonemap but no zscale (no libzimg).
        String listing = """
                Filters:
                  T.. = Timeline support
                 .S. tonemap           V->V       Conversion to/from different dynamic ranges.
                 ..C scale             V->V       Scale the input video size and/or convert the image format.
                """;
        assertEquals(Set.of("tonemap", "scale"), FfmpegInfo.parseNames(listing));
        assertFalse(new FfmpegFeatures(FfmpegInfo.parseNames(listing), Set.of()).canToneMap());
    }

    private static String resource(String name) {
        try (InputStream in = FfmpegInfoTest.class.getResourceAsStream("/ffmpeg-info/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource ffmpeg-info/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
