package io.mediaworker.plan;

import io.mediaworker.model.PixelFormats;
import io.mediaworker.model.VideoStream;
import java.util.Map;
import java.util.Optional;

/**
 * Whether NVDEC can decode a source straight into CUDA frames that the rest of the GPU path can
 * use as they are. Pure. NVDEC decodes 4:2:0 only for most codecs (H.264 4:2:2 and ProRes not at
 * all); and GPU frames cannot be rotated, tone mapped or range-converted by the filters this ffmpeg
 * has, so such sources are decoded on the CPU. The answer names the reason when it is no.
 */
public final class NvdecSupport {
    /** Codec -> the deepest bit depth NVDEC decodes for it (4:2:0). AV1 needs Ampere or later: a failure there falls back. */
    static final Map<String, Integer> MAX_BIT_DEPTH = Map.of(
            "h264", 8, "hevc", 12, "vp9", 12, "av1", 10, "mpeg2video", 8, "mpeg1video", 8,
            "mpeg4", 8, "vc1", 8, "vp8", 8, "mjpeg", 8);

    private NvdecSupport() {}

    /** Empty when NVDEC can take the source; otherwise why not. */
    public static Optional<String> whyNot(VideoStream v) {
        Integer maxDepth = MAX_BIT_DEPTH.get(v.codec());
        if (maxDepth == null) return Optional.of("NVDEC has no " + v.codec() + " decoder");
        String pixFmt = v.pixelFormat().orElse("");
        if (!PixelFormats.isChroma420(pixFmt)) return Optional.of("NVDEC decodes 4:2:0 only, source is " + (pixFmt.isEmpty() ? "unknown" : pixFmt));
        int depth = v.bitDepth().orElse(8);
        if (depth > maxDepth) return Optional.of("NVDEC decodes " + v.codec() + " up to " + maxDepth + "-bit, source is " + depth + "-bit");
        if (pixFmt.startsWith("yuvj") || v.colorRange().filter(r -> r.equals("pc")).isPresent()) {
            return Optional.of("full-range source: converted to limited range on the CPU");
        }
        if (v.rotation() != 0) return Optional.of("rotated source: rotation is applied on the CPU");
        if (TranscodePlanner.isHdr(v)) return Optional.of("HDR source: tone mapping runs on the CPU");
        if (ColourConversion.needed(v)) return Optional.of("BT.601/BT.2020 source: converted to BT.709 on the CPU");
        return Optional.empty();
    }
}
