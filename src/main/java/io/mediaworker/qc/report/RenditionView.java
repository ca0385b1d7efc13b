package io.mediaworker.qc.report;

import io.mediaworker.model.Resolution;
import io.mediaworker.qc.Segment;
import java.util.List;

/** What the HTML report draws for one rendition: its contact sheet, its curves and its marked ranges. */
public record RenditionView(
        String name,
        Resolution size,
        byte[] contactSheetJpeg,
        List<Double> frameTimes,
        List<Double> ssim,
        List<Double> psnr,
        List<Long> videoBytesPerSecond,
        List<Segment> black,
        List<Segment> frozen,
        List<Segment> silence,
        double durationSeconds) {
}
