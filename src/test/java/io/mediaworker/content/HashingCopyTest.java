package io.mediaworker.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HashingCopyTest {
    @TempDir Path dir;

    /** Sizes around the 4 MiB chunk edge and past the 64 MiB early write-back. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, (4 << 20) - 1, 4 << 20, (4 << 20) + 1, 70 << 20})
    void copiesEveryByteAndHashesThemInOrder(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path target = dir.resolve("copy.bin");

        // A stream that returns short reads, as network and pipe streams do.
        HashingCopy.Result result = HashingCopy.copy(new Trickle(data), target);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals(size, result.size());
        assertEquals(expected, result.sha256());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(expected, HashingCopy.hash(target).sha256());
    }

    @Test
    void aFailingSourceFailsTheCopy() {
        InputStream broken = new InputStream() {
            int left = 9 << 20;
            @Override public int read() throws IOException {
                if (left-- <= 0) throw new IOException("connection reset");
                return 7;
            }
        };
        IOException e = assertThrows(IOException.class, () -> HashingCopy.copy(broken, dir.resolve("x")));
        assertEquals("connection reset", e.getMessage());
    }

    private static final class Trickle extends ByteArrayInputStream {
        Trickle(byte[] data) { super(data); }
        @Override public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 300_001));
        }
    }
}
