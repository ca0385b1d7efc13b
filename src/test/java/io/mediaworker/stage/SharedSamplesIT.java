package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.InProcessCli;
import io.mediaworker.testing.SharedMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shared sample (real phones, cameras, encoders) through {@code run} with the built-in
 * profile (rungs 1080, 720, 480, 360; never upscaled; a rung within 10% below the source is
 * replaced by the source's own size). Samples without a picture must be refused with exit 3.
 */
class SharedSamplesIT {
    private static final String LANDSCAPE_1080 = "1920x1080,1280x720,854x480,640x360";
    private static final String LANDSCAPE_720 = "1080x720,720x480,540x360"; // 3:2; 720 is the source, not a rung

    /** Worked out by hand from each file's own ffprobe report (see the shared README). */
    private static final Map<String, DeliveredLadder.Expected> EXPECTED = Map.of(
            // VP9 960x540 60 fps: 540 < 720, so 540 is the top rung; 480 * 1.1 <= 540 keeps 480.
            "ax_bbb_960x540_60fps_vp8.webm", DeliveredLadder.Expected.of(true, 60, "960x540", "854x480", "640x360"),
            // HEVC 1920x1080, frames every 1/30 s (its average is low: fewer frames than its duration).
            "ax_hdr10-video-with-sdr-container.mp4", DeliveredLadder.Expected.of(true, 30, LANDSCAPE_1080.split(",")),
            // Turned 180 degrees: still landscape. Phone VFR averaging 29.87: 29.97 or 30 are both fair.
            "ax_pixel7_videoOnly_cleaned.mp4", DeliveredLadder.Expected.anyRate(false, LANDSCAPE_1080.split(",")),
            // 3840x2160 turned 90 degrees: 2160x3840 portrait.
            "ax_portrait_4k60.mp4", DeliveredLadder.Expected.of(true, 60, "1080x1920", "720x1280", "480x854", "360x640"),
            // 426x240 is below every rung: one rendition at its own size.
            "ax_roadtrip-vp92-10bit.webm", DeliveredLadder.Expected.of(false, 24000.0 / 1001, "426x240"),
            // 960x400 (2.4:1): 400 is the top rung, 360 * 1.1 = 396 <= 400 keeps 360 (864 wide).
            "ax_sample.avi", DeliveredLadder.Expected.of(true, 24000.0 / 1001, "960x400", "864x360"),
            "ax_sample.mp4", DeliveredLadder.Expected.of(true, 30000.0 / 1001, LANDSCAPE_720.split(",")),
            // 1080x720 turned 90 degrees: 720x1080 portrait.
            "ax_sample_rotate_and_reflect.mp4", DeliveredLadder.Expected.of(true, 30000.0 / 1001, "720x1080", "480x720", "360x540"),
            // Matroska timestamps in milliseconds make ffprobe's rates meaningless here: no rate pinned.
            "ax_sample_with_pgs_subtitles.mkv", DeliveredLadder.Expected.anyRate(true, LANDSCAPE_720.split(",")),
            "br_big_buck_bunny_720p_1mb.mp4", DeliveredLadder.Expected.of(true, 25, "1280x720", "854x480", "640x360"));

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> everySampleWithAPictureIsDelivered() {
        SharedMedia.assumeAvailable();
        GeneratedMedia.assumeFfmpeg();
        return SharedMedia.all().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            Path dir = Files.createTempDirectory(work, "sample");
            Path root = dir.resolve("content"), dest = dir.resolve("dest");
            String name = sample.getFileName().toString();
            boolean hasVideo = Ffprobe.hasVideo(sample);
            FileState before = FileState.of(sample);

            CliResult r = InProcessCli.run("run", sample.toString(), "--to", dest.toString(), "--content-root", root.toString());

            assertEquals(before, FileState.of(sample), "the sample was changed");
            if (!hasVideo) {
                assertEquals(3, r.exitCode(), "no video stream: must be refused as invalid input\n" + r.describe());
                assertEquals(List.of(), FileState.entriesUnder(root.resolve("ingest")), "ingest/ must hold nothing");
                return;
            }
            assertEquals(0, r.exitCode(), r.describe());
            DeliveredLadder.Expected expected = EXPECTED.get(name);
            assertNotNull(expected, "new sample " + name + ": write down the sizes it should come out at");
            DeliveredLadder.check(root, dest, r.stdout().trim(), sample, expected);
            deleteQuietly(dir); // the big renditions are not needed by later samples
        }));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
