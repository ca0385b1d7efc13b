package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.TopLevelBoxes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a delivered ladder with the tests' own ffprobe and box reader, never with the worker's
 * manifest or qc.json: H.264 (+ AAC stereo 48 kHz when the source had audio) in MP4, the sizes a
 * person worked out for the source, upright with square pixels and progressive, one frame rate for
 * all rungs, a keyframe at every 2 s grid point and nowhere else, the same keyframe timestamps in
 * every rung, moov before mdat, and the same bytes in DEST as in output/.
 */
final class DeliveredLadder {
    static final double KEYFRAME_INTERVAL_S = 2.0;
    /** MP4 timescales round timestamps; a millisecond is far below any frame duration here. */
    private static final double EPS = 1e-3;

    /** What a person expects: sizes top rung first ("640x360"), audio or not, and the frame rate when it is certain. */
    record Expected(List<String> sizes, boolean audio, Optional<Double> frameRate) {
        static Expected of(boolean audio, double frameRate, String... sizes) {
            return new Expected(List.of(sizes), audio, Optional.of(frameRate));
        }

        static Expected anyRate(boolean audio, String... sizes) {
            return new Expected(List.of(sizes), audio, Optional.empty());
        }
    }

    private DeliveredLadder() {}

    static void check(Path root, Path dest, String id, Path source, Expected expected) {
        Path delivered = dest.resolve(id);
        Path output = root.resolve("output").resolve(id);
        for (Path dir : List.of(root.resolve("ingest").resolve(id), output, delivered)) {
            assertTrue(Files.isRegularFile(dir.resolve("manifest.json")), "no manifest.json in " + dir);
        }
        List<Path> renditions = mp4s(delivered);
        assertEquals(names(mp4s(output)), names(renditions), "output/ and DEST hold different renditions");
        for (Path r : renditions) {
            assertEquals(FileState.sha256(output.resolve(r.getFileName().toString())), FileState.sha256(r),
                    "delivered " + r.getFileName() + " differs from output/" + id + "/" + r.getFileName());
        }

        double sourceDuration = Ffprobe.probe(source).durationSeconds();
        List<String> sizes = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        List<List<Double>> keyframes = new ArrayList<>();
        for (Path r : renditions) {
            String name = r.getFileName().toString();
            Ffprobe.Probe p = Ffprobe.probe(r);
            assertEquals("mov,mp4,m4a,3gp,3g2,mj2", p.format().path("format_name").asText(), name + ": not an MP4");
            assertEquals(1, p.videos().size(), name + ": video streams");
            JsonNode v = p.videos().get(0);
            assertEquals("h264", v.path("codec_name").asText(), name + ": video codec");
            sizes.add(v.path("width").asInt() + "x" + v.path("height").asInt());
            assertEquals(0, rotation(v), name + ": must be upright, without a display rotation");
            String sar = v.path("sample_aspect_ratio").asText("1:1");
            assertTrue(sar.equals("1:1") || sar.equals("0:1") || sar.equals("N/A"), name + ": pixels not square: " + sar);
            String fieldOrder = v.path("field_order").asText("progressive");
            assertTrue(fieldOrder.equals("progressive"), name + ": not progressive: " + fieldOrder);

            String rate = v.path("avg_frame_rate").asText();
            rates.add(rate);
            double fps = rate(rate);
            expected.frameRate().ifPresent(want -> assertEquals(want, fps, want * 0.005, name + ": frame rate " + rate));

            if (expected.audio()) {
                assertEquals(1, p.audios().size(), name + ": audio streams");
                JsonNode a = p.audios().get(0);
                assertEquals("aac", a.path("codec_name").asText(), name + ": audio codec");
                assertEquals(2, a.path("channels").asInt(), name + ": audio channels");
                assertEquals("48000", a.path("sample_rate").asText(), name + ": audio sample rate");
            } else {
                assertEquals(0, p.audios().size(), name + ": the source had no audio, the rendition has " + p.audios().size());
            }
            double tolerance = Math.max(0.5, 0.01 * sourceDuration);
            assertEquals(sourceDuration, p.durationSeconds(), tolerance, name + ": duration against the source's");

            List<TopLevelBoxes.Box> boxes = TopLevelBoxes.read(r);
            int moov = TopLevelBoxes.index(boxes, "moov"), mdat = TopLevelBoxes.index(boxes, "mdat");
            assertTrue(moov >= 0 && mdat >= 0 && moov < mdat, name + ": not faststart: " + boxes);
            TopLevelBoxes.Box last = boxes.get(boxes.size() - 1);
            assertEquals(size(r), last.offset() + last.size(), name + ": boxes do not end where the file does: " + boxes);

            keyframes.add(keyframesOnGrid(name, Ffprobe.videoPackets(r), fps));
        }
        assertEquals(expected.sizes(), sizes, "rendition sizes, top rung first");
        assertEquals(1, rates.stream().distinct().count(), "rungs differ in frame rate: " + rates);
        for (int i = 1; i < keyframes.size(); i++) {
            List<Double> a = keyframes.get(0), b = keyframes.get(i);
            assertEquals(a.size(), b.size(), "keyframe counts differ between rungs: " + keyframes);
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.get(k), b.get(k), EPS, "keyframes not aligned across rungs: " + keyframes);
            }
        }
    }

    /**
     * The keyframe times, checked: the k-th keyframe is the first frame at or after k * 2 s (so
     * within one frame after it), and there is one for every grid point the video reaches.
     */
    static List<Double> keyframesOnGrid(String name, List<Ffprobe.Packet> packets, double fps) {
        assertTrue(!packets.isEmpty(), name + ": no video packets");
        List<Double> keys = packets.stream().filter(Ffprobe.Packet::keyframe).map(Ffprobe.Packet::ptsTime).toList();
        double lastPts = packets.get(packets.size() - 1).ptsTime();
        int gridPoints = (int) Math.floor((lastPts + EPS) / KEYFRAME_INTERVAL_S) + 1;
        assertEquals(gridPoints, keys.size(), name + ": expected a keyframe at each of " + gridPoints
                + " grid points up to the last frame at " + lastPts + " s, got " + keys);
        double frame = 1 / fps;
        for (int k = 0; k < keys.size(); k++) {
            double grid = k * KEYFRAME_INTERVAL_S, t = keys.get(k);
            if (t < grid - EPS || t > grid + frame - EPS) {
                fail(name + ": keyframe " + k + " at " + t + " s, expected the first frame at or after " + grid + " s: " + keys);
            }
        }
        return keys;
    }

    private static int rotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) return side.path("rotation").asInt();
        }
        return video.path("tags").path("rotate").asInt(0);
    }

    static double rate(String fraction) {
        String[] parts = fraction.split("/");
        double den = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
        return Double.parseDouble(parts[0]) / den;
    }

    /** The MP4s in a folder, largest picture first (by file size when names do not tell). */
    private static List<Path> mp4s(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".mp4")).toList();
            return list.stream().sorted(Comparator.comparingLong(DeliveredLadder::pixels).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pixels(Path mp4) {
        JsonNode v = Ffprobe.probe(mp4).videos().stream().findFirst().orElse(null);
        return v == null ? 0 : (long) v.path("width").asInt() * v.path("height").asInt();
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).sorted().toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
