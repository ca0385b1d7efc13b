package io.mediaworker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level boxes of an MP4 read straight from the bytes (size, type, 64-bit size, size 0 =
 * to the end), so tests judge faststart and truncation without the worker's own MP4 code.
 */
public final class TopLevelBoxes {
    public record Box(String type, long offset, long size) {}

    private TopLevelBoxes() {}

    public static List<Box> read(Path file) {
        List<Box> boxes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file)) {
            long length = ch.size();
            long offset = 0;
            while (offset + 8 <= length) {
                ByteBuffer header = ByteBuffer.allocate(16);
                ch.read(header, offset);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt());
                byte[] type = new byte[4];
                header.get(type);
                if (size == 1) size = header.getLong();
                else if (size == 0) size = length - offset;
                boxes.add(new Box(new String(type, StandardCharsets.ISO_8859_1), offset, size));
                if (size < 8) break; // corrupt: cannot step on
                offset += size;
            }
            return boxes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position of the first box of this type, or -1. */
    public static int index(List<Box> boxes, String type) {
        for (int i = 0; i < boxes.size(); i++) if (boxes.get(i).type().equals(type)) return i;
        return -1;
    }
}
