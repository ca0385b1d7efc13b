package io.mediaworker.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.model.AudioStream;
import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.PixelFormats;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns ffprobe's {@code -show_format -show_streams} JSON into a {@link MediaInfo}. Pure. */
public final class FfprobeJsonParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FfprobeJsonParser() {}

    public static MediaInfo parse(String json, long fileSize) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidInputException("ffprobe printed no readable JSON", e);
        }
        JsonNode format = root.path("format");
        if (format.isMissingNode() || !format.hasNonNull("format_name")) {
            throw new InvalidInputException("not a media file: no container recognised");
        }
        List<VideoStream> video = new ArrayList<>();
        List<AudioStream> audio = new ArrayList<>();
        int subtitles = 0, data = 0, attachments = 0;
        for (JsonNode s : root.path("streams")) {
            switch (s.path("codec_type").asText()) {
                case "video" -> videoStream(s).ifPresent(video::add);
                case "audio" -> audioStream(s).ifPresent(audio::add);
                case "subtitle" -> subtitles++;
                case "attachment" -> attachments++;
                default -> data++;
            }
        }
        return new MediaInfo(
                format.get("format_name").asText(),
                decimal(format, "duration").filter(d -> d > 0).map(FfprobeJsonParser::seconds),
                fileSize,
                decimal(format, "bit_rate").map(Double::longValue).filter(b -> b > 0),
                video, audio, subtitles, data, attachments);
    }

    private static Optional<VideoStream> videoStream(JsonNode s) {
        int width = s.path("width").asInt(0), height = s.path("height").asInt(0);
        if (width <= 0 || height <= 0) return Optional.empty();
        Optional<String> pixFmt = text(s, "pix_fmt");
        return Optional.of(new VideoStream(
                s.path("index").asInt(),
                s.path("codec_name").asText("unknown"),
                text(s, "profile"),
                new Resolution(width, height),
                text(s, "sample_aspect_ratio").flatMap(Rational::parse),
                text(s, "display_aspect_ratio").flatMap(Rational::parse),
                text(s, "avg_frame_rate").flatMap(Rational::parse),
                text(s, "r_frame_rate").flatMap(Rational::parse),
                pixFmt,
                pixFmt.flatMap(PixelFormats::bitDepth),
                text(s, "color_range"),
                text(s, "color_primaries"),
                text(s, "color_transfer"),
                text(s, "color_space"),
                rotation(s),
                text(s, "field_order").flatMap(FieldOrder::fromFfprobe),
                s.path("disposition").path("attached_pic").asInt(0) == 1));
    }

    private static Optional<AudioStream> audioStream(JsonNode s) {
        int channels = s.path("channels").asInt(0);
        int rate = (int) decimal(s, "sample_rate").orElse(0.0).doubleValue();
        if (channels <= 0 || rate <= 0) return Optional.empty();
        return Optional.of(new AudioStream(
                s.path("index").asInt(),
                s.path("codec_name").asText("unknown"),
                text(s, "profile"),
                channels,
                text(s, "channel_layout"),
                rate,
                language(s.path("tags")),
                s.path("disposition").path("default").asInt(0) == 1,
                s.path("disposition").path("comment").asInt(0) == 1,
                text(s.path("tags"), "title").or(() -> text(s.path("tags"), "TITLE"))));
    }

    /** Tags are case-insensitive to ffmpeg: Matroska writers often use LANGUAGE. */
    private static Optional<String> language(JsonNode tags) {
        return text(tags, "language").or(() -> text(tags, "LANGUAGE"));
    }

    /** The display matrix side data (ffmpeg 5+), else the legacy {@code rotate} tag (ffmpeg 4). */
    private static int rotation(JsonNode s) {
        for (JsonNode sd : s.path("side_data_list")) {
            if (sd.has("rotation")) return VideoStream.normaliseRotation(sd.get("rotation").asDouble());
        }
        return decimal(s.path("tags"), "rotate").map(cw -> VideoStream.normaliseRotation(-cw)).orElse(0);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        String t = v.asText().trim();
        return t.isEmpty() || t.equals("unknown") || t.equals("N/A") ? Optional.empty() : Optional.of(t);
    }

    private static Optional<Double> decimal(JsonNode node, String field) {
        return text(node, field).flatMap(t -> {
            try {
                return Optional.of(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
