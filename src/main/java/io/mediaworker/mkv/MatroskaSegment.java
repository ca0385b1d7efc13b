package io.mediaworker.mkv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where a Matroska/WebM file's Segment says it ends. ffmpeg reads a file whose Segment claims more
 * bytes than there are without complaint (a cut-off upload, or a header patched to absurd sizes);
 * comparing the declared end with the file's size tells. Reads only the first few dozen bytes.
 */
public final class MatroskaSegment {
    private static final long EBML = 0x1A45DFA3L, SEGMENT = 0x18538067L;

    /** The declared end of the Segment (offset of its data plus its size); empty when its size is "unknown" (live streams). */
    public record Layout(OptionalLong declaredEnd, long fileSize) {
        public boolean truncated() { return declaredEnd.isPresent() && declaredEnd.getAsLong() > fileSize; }
    }

    private MatroskaSegment() {}

    public static Layout read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            Counting c = new Counting(in);
            if (c.elementId() != EBML) throw new IOException("no EBML header");
            c.skip(c.size().orElseThrow(() -> new IOException("EBML header of unknown size")));
            if (c.elementId() != SEGMENT) throw new IOException("no Segment after the EBML header");
            OptionalLong segment = c.size();
            return new Layout(segment.isPresent() ? OptionalLong.of(c.position + segment.getAsLong()) : OptionalLong.empty(), size);
        }
    }

    /** EBML variable-length integers over a stream, counting the bytes read. */
    private static final class Counting {
        private final InputStream in;
        long position;

        Counting(InputStream in) { this.in = in; }

        int next() throws IOException {
            int b = in.read();
            if (b < 0) throw new IOException("file ends inside the Matroska header");
            position++;
            return b;
        }

        /** An element id keeps its length marker bits. */
        long elementId() throws IOException {
            int first = next();
            int length = Integer.numberOfLeadingZeros(first) - 23;
            if (length < 1 || length > 4) throw new IOException("bad element id");
            long id = first;
            for (int i = 1; i < length; i++) id = (id << 8) | next();
            return id;
        }

        /** A data size without its marker; all value bits set means "unknown". */
        OptionalLong size() throws IOException {
            int first = next();
            int length = Integer.numberOfLeadingZeros(first) - 23;
            if (length < 1 || length > 8) throw new IOException("bad element size");
            long value = first & (0xFF >> length);
            boolean allOnes = value == (0xFF >> length);
            for (int i = 1; i < length; i++) {
                int b = next();
                allOnes &= b == 0xFF;
                value = (value << 8) | b;
            }
            return allOnes ? OptionalLong.empty() : OptionalLong.of(value);
        }

        void skip(long n) throws IOException {
            for (long left = n; left > 0; ) {
                long s = in.skip(left);
                if (s <= 0) {
                    next();
                    s = 1;
                }
                left -= s;
                position += s;
            }
        }
    }
}
