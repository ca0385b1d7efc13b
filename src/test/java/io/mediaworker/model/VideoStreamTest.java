package io.mediaworker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.testing.TestMedia;
import org.junit.jupiter.api.Test;

class VideoStreamTest {

    @Test
    void displayMatrixAnglesBecomeClockwiseQuarterTurns() {
        // ffprobe reports the display matrix counter-clockwise: -90 means "turn a quarter clockwise to show".
        assertEquals(90, VideoStream.normaliseRotation(-90));
        assertEquals(270, VideoStream.normaliseRotation(90));
        assertEquals(180, VideoStream.normaliseRotation(-180));
        assertEquals(180, VideoStream.normaliseRotation(180));
        assertEquals(0, VideoStream.normaliseRotation(0));
        assertEquals(0, VideoStream.normaliseRotation(-0.0));
        assertEquals(90, VideoStream.normaliseRotation(270));
        assertEquals(270, VideoStream.normaliseRotation(-270));
        assertEquals(0, VideoStream.normaliseRotation(360));
        assertEquals(0, VideoStream.normaliseRotation(-360));
        assertEquals(90, VideoStream.normaliseRotation(-450));
        // Matrices from phones are not always exact.
        assertEquals(90, VideoStream.normaliseRotation(-90.00000250447816));
        assertEquals(270, VideoStream.normaliseRotation(89.99));
        assertEquals(0, VideoStream.normaliseRotation(-1));
    }

    @Test
    void displaySizeAppliesPixelAspectThenRotation() {
        VideoStream square = TestMedia.video(1920, 1080).build();
        assertEquals(1920.0, square.displayWidth());
        assertEquals(1080.0, square.displayHeight());
        assertFalse(square.rotated());

        VideoStream pal = TestMedia.video(720, 576).sar(64, 45).build();      // 720 * 64/45 = 1024
        assertEquals(1024.0, pal.displayWidth(), 1e-9);
        assertEquals(576.0, pal.displayHeight());

        VideoStream phone = TestMedia.video(3840, 2160).rotation(90).build();
        assertTrue(phone.rotated());
        assertEquals(2160.0, phone.displayWidth());
        assertEquals(3840.0, phone.displayHeight());

        VideoStream upsideDown = TestMedia.video(1920, 1080).rotation(180).build();
        assertFalse(upsideDown.rotated());
        assertEquals(1920.0, upsideDown.displayWidth());

        // The pixel aspect stretches the stored rows, which stand upright after a quarter turn.
        VideoStream rotatedPal = TestMedia.video(720, 576).sar(64, 45).rotation(270).build();
        assertEquals(576.0, rotatedPal.displayWidth());
        assertEquals(1024.0, rotatedPal.displayHeight(), 1e-9);
    }
}
