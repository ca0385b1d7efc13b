package io.mediaworker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PixelFormatsTest {

    @Test
    void bitsPerComponentFromTheName() {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("yuv420p", 8), Map.entry("yuvj420p", 8), Map.entry("nv12", 8), Map.entry("rgb24", 8),
                Map.entry("yuv422p", 8), Map.entry("bgra", 8), Map.entry("gray", 8),
                Map.entry("yuv420p10le", 10), Map.entry("yuv420p10be", 10), Map.entry("yuv422p10le", 10),
                Map.entry("yuv444p12le", 12), Map.entry("yuva444p16le", 16), Map.entry("gray16be", 16), Map.entry("gbrp10le", 10),
                Map.entry("p010le", 10), Map.entry("p016le", 16), Map.entry("x2rgb10le", 10), Map.entry("y210le", 10),
                // Packed RGB names count all components: 48 bits over 3, 64 over 4 are 16 each.
                Map.entry("rgb48le", 16), Map.entry("bgr48be", 16), Map.entry("rgba64le", 16));
        expected.forEach((format, bits) -> assertEquals(Optional.of(bits), PixelFormats.bitDepth(format), format));
    }

    @Test
    void unknownFormatHasNoDepth() {
        assertEquals(Optional.empty(), PixelFormats.bitDepth(null));
        assertEquals(Optional.empty(), PixelFormats.bitDepth(""));
        assertEquals(Optional.empty(), PixelFormats.bitDepth("none"));
    }

    @Test
    void chroma420() {
        for (String f : new String[] {"yuv420p", "yuvj420p", "yuv420p10le", "nv12", "p010le", "p016le"}) {
            assertTrue(PixelFormats.isChroma420(f), f);
        }
        for (String f : new String[] {"yuv422p", "yuv444p", "yuv422p10le", "rgb24", "gray", "nv16"}) {
            assertFalse(PixelFormats.isChroma420(f), f);
        }
    }
}
