package io.mediaworker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.UsageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileParserTest {

    @Test
    void rungsAloneTakeEveryOtherDefault() {
        LadderProfile p = ProfileParser.parse("{\"rungs\": [{\"height\": 360, \"videoKbps\": 800}, {\"height\": 720, \"videoKbps\": 3000}]}",
                "small.json");
        assertEquals("small.json", p.name());
        // Sorted tallest first whatever the file's order; unset peak and buffer stay empty (1.5x, 2x at use).
        assertEquals(List.of(RungSpec.of(720, 3000), RungSpec.of(360, 800)), p.rungs());
        assertEquals(4500, p.rungs().get(0).peakKbps());
        assertEquals(6000, p.rungs().get(0).bufferSizeKbps());
        assertEquals("high", p.rungs().get(0).videoProfile());
        assertEquals(2.0, p.keyframeIntervalSeconds());
        assertEquals(60, p.maxFrameRate());
        assertEquals("medium", p.preset());
        assertEquals(new AudioSpec(128, 2, 48_000), p.audio());
    }

    @Test
    void everyFieldIsRead() {
        String json = """
                {
                  "name": "mobile",
                  "rungs": [
                    {"height": 540, "videoKbps": 2000, "maxKbps": 2500, "bufferKbps": 3000, "profile": "main"},
                    {"height": 270, "videoKbps": 400}
                  ],
                  "keyframeIntervalSeconds": 4,
                  "maxFrameRate": 30,
                  "preset": "veryfast",
                  "audio": {"bitrateKbps": 96, "channels": 1, "sampleRate": 44100}
                }
                """;
        LadderProfile p = ProfileParser.parse(json, "mobile.json");
        assertEquals(new LadderProfile("mobile",
                List.of(new RungSpec(540, 2000, Optional.of(2500), Optional.of(3000), Optional.of("main"), Optional.empty()), RungSpec.of(270, 400)),
                4.0, 30, "veryfast", new AudioSpec(96, 1, 44_100)), p);
    }

    @Test
    void partOfTheAudioBlockKeepsTheOtherAudioDefaults() {
        LadderProfile p = ProfileParser.parse("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}], \"audio\": {\"bitrateKbps\": 192}}", "x");
        assertEquals(new AudioSpec(192, 2, 48_000), p.audio());
    }

    @Test
    void unknownFieldsAreRefusedSoTyposAreNotSilentDefaults() {
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}], \"keyframeInterval\": 4}", "keyframeInterval");
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000, \"peakKbps\": 4500}]}", "peakKbps");
        // A misspelt required field: the rung is refused for lacking it before the stray name is reached.
        assertRefused("{\"rungs\": [{\"height\": 720, \"bitrate\": 3000}]}", "videoKbps must be at least 50, not 0");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheProblem() {
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}], \"preset\": \"quick\"}", "preset must be one of");
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}, {\"height\": 720, \"videoKbps\": 2000}]}",
                "two rungs have the same height");
        assertRefused("{\"rungs\": []}", "\"rungs\" must list at least one rung");
        assertRefused("{\"preset\": \"fast\"}", "\"rungs\" must list at least one rung");
        assertRefused("{\"rungs\": [{\"height\": 8, \"videoKbps\": 3000}]}", "rung height must be 16..8640");
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}], \"maxFrameRate\": 0}", "maxFrameRate must be 1..120");
        assertRefused("{\"rungs\": [{\"height\": 720, \"videoKbps\": 3000}], \"audio\": {\"sampleRate\": 22050}}",
                "sampleRate must be 44100 or 48000");
        assertRefused("{\"rungs\": [", "not valid");
    }

    private static void assertRefused(String json, String messagePart) {
        UsageException e = assertThrows(UsageException.class, () -> ProfileParser.parse(json, "p.json"));
        assertTrue(e.getMessage().startsWith("profile p.json is not valid: "), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
