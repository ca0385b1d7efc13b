package io.mediaworker.qc;

import java.util.ArrayList;
import java.util.List;

/** Black and frozen runs and the share of frames idet judged interlaced, from one video analysis log. */
public record VideoAnalysis(List<Segment> black, List<Segment> frozen, double interlacedRatio, int frames, double endSeconds) {

    public VideoAnalysis {
        black = List.copyOf(black);
        frozen = List.copyOf(frozen);
    }

    public static VideoAnalysis of(List<MetadataLog.Frame> frames, double frameDuration) {
        double end = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).time() + frameDuration;
        List<Segment> black = segments(frames, "lavfi.black_start", "lavfi.black_end", end);
        // Touching runs are one freeze cut in two by a keyframe (see Segment.join); 1.5 frames allows for rounding.
        List<Segment> frozen = Segment.join(segments(frames, "lavfi.freezedetect.freeze_start", "lavfi.freezedetect.freeze_end", end),
                1.5 * frameDuration);
        double ratio = 0;
        if (!frames.isEmpty()) {
            MetadataLog.Frame last = frames.get(frames.size() - 1);
            double tff = last.number("lavfi.idet.multiple.tff", 0), bff = last.number("lavfi.idet.multiple.bff", 0);
            double progressive = last.number("lavfi.idet.multiple.progressive", 0);
            double judged = tff + bff + progressive;
            ratio = judged > 0 ? (tff + bff) / judged : 0;
        }
        return new VideoAnalysis(black, frozen, ratio, frames.size(), end);
    }

    /** Runs opened by a start key and closed by an end key (or by the end of the media). */
    static List<Segment> segments(List<MetadataLog.Frame> frames, String startKey, String endKey, double mediaEnd) {
        List<Segment> result = new ArrayList<>();
        Double open = null;
        for (MetadataLog.Frame f : frames) {
            if (f.values().containsKey(startKey) && open == null) open = f.number(startKey, f.time());
            if (f.values().containsKey(endKey) && open != null) {
                result.add(new Segment(open, f.number(endKey, f.time())));
                open = null;
            }
        }
        if (open != null) result.add(new Segment(open, mediaEnd));
        return result;
    }
}
