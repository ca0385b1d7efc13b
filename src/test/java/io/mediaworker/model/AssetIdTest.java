package io.mediaworker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssetIdTest {

    @Test
    void acceptsOneSafePathSegment() {
        for (String id : List.of("a", "Z", "7", "clip-01", "clip_01.v2", "A.b-c_d", "1.", "x..y", "a".repeat(128))) {
            assertEquals(id, new AssetId(id).value(), id);
            assertEquals(id, AssetId.of(id).toString(), id);
        }
    }

    @Test
    void refusesAnythingElseAsAUsageError() {
        List<String> bad = List.of(".", "..", "../x", "./x", "a/b", "a\\b", ".hidden", "-y", "_x", "", " a", "a b", "é",
                "a\nb", "a".repeat(129), "clip:1");
        for (String id : bad) {
            UsageException e = assertThrows(UsageException.class, () -> new AssetId(id), id);
            assertTrue(e.getMessage().startsWith("invalid asset id"), e.getMessage());
        }
        assertThrows(UsageException.class, () -> new AssetId(null));
    }

    @Test
    void derivedIdIsTheFirstTwentyHexDigitsOfTheSha256() {
        String sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; // SHA-256 of nothing
        AssetId id = AssetId.fromSha256(sha);
        assertEquals("e3b0c44298fc1c149afb", id.value());
        assertEquals(20, id.value().length());
        assertThrows(IllegalArgumentException.class, () -> AssetId.fromSha256("e3b0c442"));
        assertThrows(IllegalArgumentException.class, () -> AssetId.fromSha256(sha + "0"));
    }
}
