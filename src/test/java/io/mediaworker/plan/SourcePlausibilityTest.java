package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.VideoStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourcePlausibilityTest {
    private static MediaInfo info(VideoStream v, double seconds, long bytes) {
        return new MediaInfo("matroska,webm", Optional.of(Duration.ofMillis(Math.round(seconds * 1000))), bytes,
                Optional.empty(), List.of(v), List.of(), 0, 0, 0);
    }

    @Test
    void realSourcesPass() {
        assertEquals(Optional.empty(), SourcePlausibility.problem(info(video(7680, 4320).build(), 3 * 3600, 40_000_000_000L)));
        assertEquals(Optional.empty(), SourcePlausibility.problem(info(video(320, 180).build(), 0.04, 900)), "one frame");
        assertEquals(Optional.empty(), SourcePlausibility.problem(info(video(320, 180).build(), 3600, 3_600 * 64)), "a still at the floor");
    }

    @Test
    void absurdPictureSizesAreRefused() {
        assertTrue(SourcePlausibility.problem(info(video(12000, 12000).build(), 2, 5000)).orElseThrow().contains("12000x12000"));
        assertTrue(SourcePlausibility.problem(info(video(20000, 100).build(), 2, 5000)).isPresent(), "one side beyond 16384");
    }

    @Test
    void absurdDurationsAreRefused() {
        assertTrue(SourcePlausibility.problem(info(video(320, 180).build(), 1e12, 50_000)).orElseThrow().contains("duration"));
        assertTrue(SourcePlausibility.problem(info(video(320, 180).build(), 90_000, 50_000)).orElseThrow().contains("too few"),
                "25 hours in 50 kB");
    }
}
