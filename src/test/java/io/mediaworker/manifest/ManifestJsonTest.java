package io.mediaworker.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.content.Json;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.AudioStream;
import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import io.mediaworker.plan.AudioSpec;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ToolVersions TOOLS = new ToolVersions("0.1.0", "/usr/bin/ffmpeg", "5.1.9-0+deb12u1",
            List.of("--enable-gpl", "--enable-libx264"));

    private static final VideoStream VIDEO = new VideoStream(0, "h264", Optional.of("High"), new Resolution(1920, 1080),
            Optional.of(Rational.ofInt(1)), Optional.of(Rational.of(16, 9)), Optional.of(Rational.of(30000, 1001)),
            Optional.of(Rational.of(30000, 1001)), Optional.of("yuv420p"), Optional.of(8), Optional.of("tv"),
            Optional.empty(), Optional.empty(), Optional.empty(), 90, Optional.of(FieldOrder.PROGRESSIVE), false);
    private static final AudioStream AUDIO = new AudioStream(1, "aac", Optional.of("LC"), 2, Optional.of("stereo"), 48000,
            Optional.empty());
    private static final MediaInfo PROBE = new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", Optional.of(Duration.ofMillis(10_010)),
            12_345_678, Optional.of(9_866_000L), List.of(VIDEO), List.of(AUDIO), 1, 0, 0);

    private static Manifest ingested() {
        StageRecord<IngestFacts> ingest = new StageRecord<>(StageStatus.SUCCEEDED, Instant.parse("2024-05-01T10:00:00Z"),
                Instant.parse("2024-05-01T10:00:03.250Z"), 1, "ip-10-0-0-1", TOOLS,
                List.of(new FileRecord("s3://bucket/in/clip.mov", 12_345_678, SHA)),
                List.of(new FileRecord("ingest/9f86d081884c7d659a2f/source.mov", 12_345_678, SHA)),
                Optional.empty(), new IngestFacts("source.mov", "ffprobe", PROBE));
        return Manifest.start(AssetId.fromSha256(SHA), new SourceRecord("s3://bucket/in/clip.mov", "clip.mov", 12_345_678, SHA))
                .withIngest(ingest);
    }

    @Test
    void manifestWithIngestFactsRoundTripsUnchanged() throws Exception {
        Manifest m = ingested();
        String json = Json.MAPPER.writeValueAsString(m);
        assertEquals(m, Json.MAPPER.readValue(json, Manifest.class));
    }

    @Test
    void jsonCarriesTheSchemaVersionAndLeavesOutWhatIsAbsent() throws Exception {
        JsonNode root = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ingested()));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("9f86d081884c7d659a2f", root.get("assetId").asText());
        assertTrue(root.has("ingest"));
        for (String absent : List.of("transcode", "qc", "deliver")) assertFalse(root.has(absent), absent);

        JsonNode ingest = root.get("ingest");
        assertEquals("SUCCEEDED", ingest.get("status").asText());
        assertEquals("2024-05-01T10:00:00Z", ingest.get("startedAt").asText());
        assertFalse(ingest.has("error"));

        JsonNode video = ingest.get("facts").get("probe").get("videoStreams").get(0);
        assertEquals("30000/1001", video.get("averageFrameRate").asText());
        assertTrue(video.get("averageFrameRate").isTextual());
        assertEquals("16/9", video.get("displayAspectRatio").asText());
        assertEquals("1", video.get("sampleAspectRatio").asText());
        assertFalse(video.has("colorPrimaries"));
        assertEquals(90, video.get("rotation").asInt());
        assertFalse(ingest.get("facts").get("probe").get("audioStreams").get(0).has("language"));
        assertEquals("PT10.01S", ingest.get("facts").get("probe").get("duration").asText());
    }

    @Test
    void everyStageRoundTrips() throws Exception {
        Rational fps = Rational.of(30000, 1001);
        Ladder ladder = new Ladder(List.of(new Rendition("720p", "720p.mp4", new Resolution(1280, 720), fps, 3000, 4500, 6000, "high")),
                fps, 2.0, 60, 0, Optional.of(1), AudioSpec.DEFAULT, "medium", List.of("source is 1280x720"));
        Manifest base = ingested();
        StageRecord<IngestFacts> i = base.ingest().orElseThrow();
        Manifest all = base
                .withTranscode(new StageRecord<>(StageStatus.SUCCEEDED, i.startedAt(), i.endedAt(), 2, "h", TOOLS, List.of(), List.of(),
                        Optional.empty(), new TranscodeFacts("default", ladder, "libx264", "no GPU", List.of("n"),
                        List.of("ffmpeg", "-i", "file:/x"), 12.5, 0.8)))
                .withQc(new StageRecord<>(StageStatus.FAILED, i.startedAt(), i.endedAt(), 1, "h", TOOLS, List.of(), List.of(),
                        Optional.of("1 check failed"), new QcFacts("FAIL", 1, List.of("720p: duration expected 10 s, got 12 s"))))
                .withDeliver(new StageRecord<>(StageStatus.SUCCEEDED, i.startedAt(), i.endedAt(), 1, "h", TOOLS, List.of(), List.of(),
                        Optional.empty(), new DeliveryFacts("s3://out/abc/", List.of(new FileRecord("output/abc/720p.mp4", 10, SHA)))));
        assertEquals(all, Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(all), Manifest.class));
    }
}
