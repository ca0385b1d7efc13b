package io.mediaworker.qc;

import io.mediaworker.model.MediaInfo;
import io.mediaworker.mp4.Mp4Layout;
import io.mediaworker.mp4.TrackTiming;
import io.mediaworker.plan.Rendition;
import java.util.List;

/**
 * What was measured of one rendition, by three independent readers: ffprobe (streams), a full
 * ffmpeg decode (errors), and jcodec (box layout and sample tables).
 */
public record RenditionMeasurement(
        Rendition planned,
        MediaInfo probe,
        boolean decodedCompletely,
        int decodeErrors,
        List<String> firstDecodeErrors,
        Mp4Layout layout,
        List<TrackTiming> tracks) {

    public RenditionMeasurement {
        firstDecodeErrors = List.copyOf(firstDecodeErrors);
        tracks = List.copyOf(tracks);
    }
}
