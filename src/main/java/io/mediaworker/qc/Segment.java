package io.mediaworker.qc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A time range in seconds from the start of the media. */
public record Segment(double start, double end) {

    public double duration() { return Math.max(0, end - start); }

    /** The parts of {@code these} not covered by {@code minus} (the source's own segments). */
    public static List<Segment> subtract(List<Segment> these, List<Segment> minus) {
        List<Segment> result = new ArrayList<>();
        for (Segment s : these) {
            List<Segment> pieces = List.of(s);
            for (Segment m : minus) {
                List<Segment> next = new ArrayList<>();
                for (Segment p : pieces) {
                    if (m.end <= p.start || m.start >= p.end) { next.add(p); continue; }
                    if (m.start > p.start) next.add(new Segment(p.start, m.start));
                    if (m.end < p.end) next.add(new Segment(m.end, p.end));
                }
                pieces = next;
            }
            result.addAll(pieces);
        }
        result.sort(Comparator.comparingDouble(Segment::start));
        return result;
    }

    /** Only the parts inside [{@code from}, {@code to}]: runs at the very start and end are allowed (fades, slates). */
    public static List<Segment> clip(List<Segment> segments, double from, double to) {
        List<Segment> result = new ArrayList<>();
        for (Segment s : segments) {
            double a = Math.max(s.start, from), b = Math.min(s.end, to);
            if (b > a) result.add(new Segment(a, b));
        }
        return result;
    }

    /**
     * Joins runs separated by at most {@code maxGap} seconds. freezedetect ends a run at every
     * keyframe of a lossy rendition (the still picture is coded afresh, a little differently) and
     * starts the next at the same instant: a 3 s freeze with a keyframe inside read as 1 s + 2 s,
     * each under the failure level.
     */
    public static List<Segment> join(List<Segment> segments, double maxGap) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(Segment::start));
        List<Segment> result = new ArrayList<>();
        for (Segment s : sorted) {
            Segment last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && s.start - last.end <= maxGap) result.set(result.size() - 1, new Segment(last.start, Math.max(last.end, s.end)));
            else result.add(s);
        }
        return result;
    }

    /** Widens each segment by {@code margin} on both sides: a detector's edges wobble by a frame or two between encodes. */
    public static List<Segment> widen(List<Segment> segments, double margin) {
        return segments.stream().map(s -> new Segment(s.start - margin, s.end + margin)).toList();
    }
}
