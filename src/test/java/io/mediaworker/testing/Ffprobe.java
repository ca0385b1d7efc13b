package io.mediaworker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The tests' own reading of a media file with ffprobe's JSON, independent of the worker's prober,
 * manifest and qc.json.
 */
public final class Ffprobe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one ffprobe run said about a file: its format and streams. */
    public record Probe(JsonNode format, List<JsonNode> streams) {
        public List<JsonNode> streams(String type) {
            return streams.stream().filter(s -> type.equals(s.path("codec_type").asText())).toList();
        }

        /** Video streams that are pictures, not cover art. */
        public List<JsonNode> videos() {
            return streams("video").stream().filter(s -> s.path("disposition").path("attached_pic").asInt() == 0).toList();
        }

        public List<JsonNode> audios() { return streams("audio"); }

        public double durationSeconds() { return format.path("duration").asDouble(); }
    }

    /** One packet of the first video stream: presentation time and whether it is a keyframe. */
    public record Packet(double ptsTime, boolean keyframe) {}

    private Ffprobe() {}

    public static Probe probe(Path file) {
        JsonNode root = json(List.of(GeneratedMedia.FFPROBE.toString(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString()));
        List<JsonNode> streams = StreamSupport.stream(root.path("streams").spliterator(), false).toList();
        return new Probe(root.path("format"), streams);
    }

    /** Whether ffprobe can read the file at all and finds a video stream that is not cover art. */
    public static boolean hasVideo(Path file) {
        ExternalProgram.Result r = ExternalProgram.run(List.of(GeneratedMedia.FFPROBE.toString(), "-v", "error",
                "-print_format", "json", "-show_streams", file.toString()), java.util.Map.of(), 120);
        if (r.exitCode() != 0) return false;
        try {
            JsonNode root = JSON.readTree(r.stdout());
            return StreamSupport.stream(root.path("streams").spliterator(), false)
                    .anyMatch(s -> s.path("codec_type").asText().equals("video") && s.path("disposition").path("attached_pic").asInt() == 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every packet of the first video stream in presentation order. */
    public static List<Packet> videoPackets(Path file) {
        JsonNode root = json(List.of(GeneratedMedia.FFPROBE.toString(), "-v", "error", "-print_format", "json",
                "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", file.toString()));
        List<Packet> packets = new ArrayList<>();
        for (JsonNode p : root.path("packets")) {
            packets.add(new Packet(p.path("pts_time").asDouble(), p.path("flags").asText().contains("K")));
        }
        packets.sort((a, b) -> Double.compare(a.ptsTime(), b.ptsTime()));
        return packets;
    }

    private static JsonNode json(List<String> cmd) {
        try {
            return JSON.readTree(ExternalProgram.check(cmd, 120));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
