package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColourConversionTest {
    private static final FfmpegFeatures ZIMG = new FfmpegFeatures(Set.of("scale", "zscale", "setparams", "tonemap"), Set.of("libx264"));
    private static final FfmpegFeatures NO_ZIMG = new FfmpegFeatures(Set.of("scale", "setparams"), Set.of("libx264"));

    @Test
    void bt709AndUntaggedSourcesNeedNothing() {
        assertEquals(new ColourConversion(List.of(), "", Optional.empty()),
                ColourConversion.toBt709(video(640, 360).colours("bt709", "bt709", "bt709").build(), ZIMG));
        assertEquals(new ColourConversion(List.of(), "", Optional.empty()), ColourConversion.toBt709(video(640, 360).build(), ZIMG));
        assertFalse(ColourConversion.needed(video(640, 360).build()));
    }

    @Test
    void bt601MatrixIsConvertedBySwscaleWhileScaling() {
        for (String matrix : List.of("bt470bg", "smpte170m")) {
            ColourConversion c = ColourConversion.toBt709(video(3840, 2160).colours("bt470bg", "smpte170m", matrix).build(), ZIMG);
            assertEquals(List.of(), c.filters());
            assertEquals(":in_color_matrix=bt601:out_color_matrix=bt709", c.scaleOptions());
            assertEquals(Optional.of("BT.601 source (" + matrix + "): matrix converted to BT.709 while scaling"), c.note());
        }
        assertTrue(ColourConversion.needed(video(640, 480).colours("bt470bg", "smpte170m", "smpte170m").build()));
    }

    @Test
    void bt2020SdrIsConvertedByZscaleWithTheMissingTagsFilledIn() {
        // The shared VP9 sample: matrix tagged, primaries and transfer not.
        ColourConversion c = ColourConversion.toBt709(video(426, 240).matrix("bt2020nc").build(), ZIMG);
        assertEquals(List.of("setparams=color_primaries=bt2020:color_trc=bt2020-10:colorspace=bt2020nc",
                "zscale=p=bt709:t=bt709:m=bt709:r=tv"), c.filters());
        assertEquals("", c.scaleOptions());
    }

    @Test
    void bt2020SdrWithoutZscaleConvertsTheMatrixAndSaysTheColoursSuffer() {
        ColourConversion c = ColourConversion.toBt709(video(426, 240).colours("bt2020", "bt2020-10", "bt2020nc").build(), NO_ZIMG);
        assertEquals(List.of(), c.filters());
        assertEquals(":in_color_matrix=bt2020:out_color_matrix=bt709", c.scaleOptions());
        assertTrue(c.note().orElseThrow().contains("less saturated"), c.note().toString());
    }
}
