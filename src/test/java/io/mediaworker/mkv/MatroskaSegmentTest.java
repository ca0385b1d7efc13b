package io.mediaworker.mkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatroskaSegmentTest {
    @TempDir Path dir;

    /** EBML header (4 bytes of payload) then a Segment header with the given size field, then {@code body} bytes. */
    private Path file(byte[] segmentSize, int body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84, 0x42, (byte) 0x86, (byte) 0x81, 0x01});
        b.write(new byte[] {0x18, 0x53, (byte) 0x80, 0x67});
        b.write(segmentSize);
        b.write(new byte[body]);
        return Files.write(dir.resolve("f.mkv"), b.toByteArray());
    }

    @Test
    void aWholeSegmentEndsWithinTheFile() throws IOException {
        // 1-byte size 0x80|100: the Segment's data starts at byte 14 and ends at 114.
        MatroskaSegment.Layout l = MatroskaSegment.read(file(new byte[] {(byte) (0x80 | 100)}, 100));
        assertEquals(OptionalLong.of(114), l.declaredEnd());
        assertFalse(l.truncated());
    }

    @Test
    void aSegmentClaimingMoreThanTheFileHasIsTruncated() throws IOException {
        // 4-byte size 0x10 00 10 00 = 4096 bytes claimed, 100 present.
        MatroskaSegment.Layout l = MatroskaSegment.read(file(new byte[] {0x10, 0x00, 0x10, 0x00}, 100));
        assertEquals(OptionalLong.of(17 + 4096), l.declaredEnd());
        assertTrue(l.truncated());
    }

    @Test
    void anUnknownSizeLiveStreamCannotBeJudged() throws IOException {
        MatroskaSegment.Layout l = MatroskaSegment.read(file(new byte[] {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 10));
        assertEquals(OptionalLong.empty(), l.declaredEnd());
        assertFalse(l.truncated());
    }

    @Test
    void notMatroskaIsAnError() throws IOException {
        Path text = Files.writeString(dir.resolve("t.mkv"), "hello");
        assertThrows(IOException.class, () -> MatroskaSegment.read(text));
    }
}
