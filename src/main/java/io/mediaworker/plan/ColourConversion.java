package io.mediaworker.plan;

import io.mediaworker.model.VideoStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an SDR source's picture becomes BT.709, the colour every rendition is tagged with (HDR
 * sources are tone mapped instead, see {@link TranscodePlanner}). Pure. Tags alone would lie:
 * players decode the pixels with the matrix the tags name.
 *
 * <ul>
 *   <li>BT.709 or untagged: nothing to do (untagged video is taken to be BT.709, as players do for HD);</li>
 *   <li>BT.601 matrix (tagged {@code bt470bg} or {@code smpte170m}: SD, many phones): swscale converts
 *   the matrix while it scales each rung. The BT.601 primaries lie within 0.01 (x, y) of BT.709's
 *   and are not converted, as broadcast up-conversion does not either;</li>
 *   <li>BT.2020 SDR (wide gamut without PQ/HLG): the primaries are far apart, so zscale converts
 *   primaries, transfer and matrix once; without zscale, swscale converts the matrix only and the
 *   plan says that the colours are less saturated than they should be.</li>
 * </ul>
 */
record ColourConversion(List<String> filters, String scaleOptions, Optional<String> note) {
    private static final Set<String> BT601 = Set.of("bt470bg", "smpte170m");
    private static final Set<String> BT2020 = Set.of("bt2020nc", "bt2020c");

    static ColourConversion toBt709(VideoStream video, FfmpegFeatures features) {
        String matrix = video.colorMatrix().orElse("");
        if (BT601.contains(matrix)) {
            return new ColourConversion(List.of(), ":in_color_matrix=bt601:out_color_matrix=bt709",
                    Optional.of("BT.601 source (" + matrix + "): matrix converted to BT.709 while scaling"));
        }
        if (BT2020.contains(matrix) || video.colorPrimaries().filter(p -> p.equals("bt2020")).isPresent()) {
            if (features.filters().contains("zscale") && features.filters().contains("setparams")) {
                // zscale needs all three input properties; a tag the file lacks gets BT.2020's own value.
                String in = "setparams=color_primaries=" + video.colorPrimaries().orElse("bt2020")
                        + ":color_trc=" + video.colorTransfer().orElse("bt2020-10")
                        + ":colorspace=" + (matrix.isEmpty() ? "bt2020nc" : matrix);
                return new ColourConversion(List.of(in, "zscale=p=bt709:t=bt709:m=bt709:r=tv"), "",
                        Optional.of("BT.2020 SDR source: primaries, transfer and matrix converted to BT.709 (zscale)"));
            }
            return new ColourConversion(List.of(), ":in_color_matrix=bt2020:out_color_matrix=bt709",
                    Optional.of("BT.2020 SDR source: this ffmpeg lacks zscale, matrix converted only (colours less saturated)"));
        }
        return new ColourConversion(List.of(), "", Optional.empty());
    }

    /** Whether the picture needs a conversion the GPU filters cannot do. */
    static boolean needed(VideoStream video) {
        String matrix = video.colorMatrix().orElse("");
        return BT601.contains(matrix) || BT2020.contains(matrix) || video.colorPrimaries().filter(p -> p.equals("bt2020")).isPresent();
    }
}
