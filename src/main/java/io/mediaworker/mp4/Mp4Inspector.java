package io.mediaworker.mp4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.CompositionOffsetsBox;
import org.jcodec.containers.mp4.boxes.Edit;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.SyncSamplesBox;
import org.jcodec.containers.mp4.boxes.TimeToSampleBox;
import org.jcodec.containers.mp4.boxes.TrakBox;

/**
 * Reads MP4/MOV structure with jcodec, independently of ffmpeg: the top-level box layout and
 * each track's sample timing. Reads only box headers and the movie box, never the media.
 */
public final class Mp4Inspector {
    private Mp4Inspector() {}

    public static Mp4Layout layout(Path file) throws IOException {
        long size = Files.size(file);
        try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
            List<Mp4Layout.TopBox> boxes = new ArrayList<>();
            for (MP4Util.Atom atom : MP4Util.getRootAtoms(ch)) {
                long boxSize = atom.getHeader().headerSize() + atom.getHeader().getBodySize();
                boxes.add(new Mp4Layout.TopBox(atom.getHeader().getFourcc(), atom.getOffset(), boxSize));
            }
            return new Mp4Layout(boxes, size);
        }
    }

    /** The timing of every track; empty when the file has no movie box. */
    public static List<TrackTiming> tracks(Path file) throws IOException {
        try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
            MovieBox movie = MP4Util.parseMovieChannel(ch);
            if (movie == null) return List.of();
            List<TrackTiming> tracks = new ArrayList<>();
            for (TrakBox trak : movie.getTracks()) tracks.add(timing(trak, movie.getTimescale()));
            return tracks;
        }
    }

    static TrackTiming timing(TrakBox trak, int movieTimescale) {
        int timescale = trak.getTimescale();
        long[] decodeTimes = decodeTimes(trak.getStts());
        long[] composition = compositionOffsets(NodeBox.findFirstPath(trak, CompositionOffsetsBox.class,
                new String[] {"mdia", "minf", "stbl", "ctts"}), decodeTimes.length);
        List<Edit> edits = trak.getEdits() == null ? List.of() : trak.getEdits();
        long shift = edits.stream().filter(e -> e.getMediaTime() >= 0).findFirst().map(Edit::getMediaTime).orElse(0L);

        SyncSamplesBox stss = trak.getStss();
        List<Double> syncTimes = new ArrayList<>();
        if (stss == null) {
            // No sync-sample table means every sample is a sync sample (audio, intra-only video).
            if (trak.isVideo()) for (int i = 0; i < decodeTimes.length; i++) syncTimes.add(seconds(decodeTimes[i] + composition[i] - shift, timescale));
        } else {
            for (int sample : stss.getSyncSamples()) {
                int i = sample - 1; // stss numbers samples from 1
                if (i >= 0 && i < decodeTimes.length) syncTimes.add(seconds(decodeTimes[i] + composition[i] - shift, timescale));
            }
        }
        List<TrackTiming.Edit> editEntries = new ArrayList<>();
        for (Edit e : edits) {
            editEntries.add(new TrackTiming.Edit(seconds(e.getDuration(), movieTimescale),
                    e.getMediaTime() < 0 ? -1 : seconds(e.getMediaTime(), timescale), e.getRate()));
        }
        return new TrackTiming(trak.getHandlerType() == null ? "" : trak.getHandlerType(),
                seconds(trak.getMediaDuration(), timescale), decodeTimes.length, syncTimes, edits.size(), editEntries,
                bytesPerSecond(trak, decodeTimes, timescale));
    }

    /** Sample sizes summed per second of decode time: the bitrate curve, read from the index alone. */
    private static List<Long> bytesPerSecond(TrakBox trak, long[] decodeTimes, int timescale) {
        if (trak.getStsz() == null || timescale <= 0) return List.of();
        int[] sizes = trak.getStsz().getSizes();
        int defaultSize = trak.getStsz().getDefaultSize();
        List<Long> perSecond = new ArrayList<>();
        for (int i = 0; i < decodeTimes.length; i++) {
            int second = (int) (decodeTimes[i] / timescale);
            while (perSecond.size() <= second) perSecond.add(0L);
            long size = sizes != null && i < sizes.length ? sizes[i] : defaultSize;
            perSecond.set(second, perSecond.get(second) + size);
        }
        return perSecond;
    }

    private static long[] decodeTimes(TimeToSampleBox stts) {
        if (stts == null) return new long[0];
        long count = 0;
        for (TimeToSampleBox.TimeToSampleEntry e : stts.getEntries()) count += e.getSampleCount();
        long[] times = new long[(int) count];
        long t = 0;
        int i = 0;
        for (TimeToSampleBox.TimeToSampleEntry e : stts.getEntries()) {
            for (int k = 0; k < e.getSampleCount(); k++) {
                times[i++] = t;
                t += e.getSampleDuration();
            }
        }
        return times;
    }

    private static long[] compositionOffsets(CompositionOffsetsBox ctts, int samples) {
        long[] offsets = new long[samples];
        if (ctts == null) return offsets;
        int i = 0;
        for (CompositionOffsetsBox.Entry e : ctts.getEntries()) {
            for (int k = 0; k < e.getCount() && i < samples; k++) offsets[i++] = e.getOffset();
        }
        return offsets;
    }

    private static double seconds(long ticks, int timescale) {
        return timescale > 0 ? (double) ticks / timescale : 0;
    }
}
