package io.mediaworker.mp4;

import java.util.List;

/** The top-level boxes of an MP4/MOV file in file order, and the file's real size. */
public record Mp4Layout(List<TopBox> boxes, long fileSize) {

    public record TopBox(String type, long offset, long size) {
        public long end() { return offset + size; }
    }

    public Mp4Layout {
        boxes = List.copyOf(boxes);
    }

    /** Faststart: the movie header comes before the media data, so playback can begin while downloading. */
    public boolean moovBeforeMdat() {
        int moov = indexOf("moov"), mdat = indexOf("mdat");
        return moov >= 0 && (mdat < 0 || moov < mdat);
    }

    public boolean hasMoov() { return indexOf("moov") >= 0; }

    /** A box claims bytes past the end of the file: the file was cut short. */
    public boolean truncated() {
        return boxes.stream().anyMatch(b -> b.end() > fileSize);
    }

    private int indexOf(String type) {
        for (int i = 0; i < boxes.size(); i++) if (boxes.get(i).type().equals(type)) return i;
        return -1;
    }
}
