package io.mediaworker.plan;

import static io.mediaworker.testing.TestMedia.video;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediaworker.model.VideoStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which sources NVDEC takes straight into CUDA frames, and the reason a person reads when it does not. */
class NvdecSupportTest {

    private static Optional<String> whyNot(VideoStream v) {
        return NvdecSupport.whyNot(v);
    }

    @Test
    void eightBitH264FourTwoZeroIsDecodedOnTheGpu() {
        assertEquals(Optional.empty(), whyNot(video(1920, 1080).build()));
        assertEquals(Optional.empty(), whyNot(video(1920, 1080).pixelFormat("nv12").build()));
    }

    @Test
    void tenBitH264IsNot() {
        assertEquals(Optional.of("NVDEC decodes h264 up to 8-bit, source is 10-bit"),
                whyNot(video(1920, 1080).profile("High 10").pixelFormat("yuv420p10le").build()));
    }

    @Test
    void tenBitHevcAndVp9ProfileTwoAre() {
        assertEquals(Optional.empty(), whyNot(video(3840, 2160).codec("hevc").profile("Main 10").pixelFormat("yuv420p10le").build()));
        assertEquals(Optional.empty(), whyNot(video(3840, 2160).codec("vp9").profile("Profile 2").pixelFormat("yuv420p10le").build()));
        assertEquals(Optional.empty(), whyNot(video(1920, 1080).codec("hevc").pixelFormat("p010le").build()));
    }

    @Test
    void av1GoesToTenBitOnly() {
        assertEquals(Optional.empty(), whyNot(video(1920, 1080).codec("av1").pixelFormat("yuv420p10le").build()));
        assertEquals(Optional.of("NVDEC decodes av1 up to 10-bit, source is 12-bit"),
                whyNot(video(1920, 1080).codec("av1").pixelFormat("yuv420p12le").build()));
    }

    @Test
    void codecsWithoutAnNvdecDecoderAreNot() {
        assertEquals(Optional.of("NVDEC has no prores decoder"),
                whyNot(video(1920, 1080).codec("prores").profile("HQ").pixelFormat("yuv422p10le").build()));
        assertEquals(Optional.of("NVDEC has no dnxhd decoder"), whyNot(video(1920, 1080).codec("dnxhd").pixelFormat("yuv422p").build()));
    }

    @Test
    void fourTwoTwoAndFourFourFourAreNot() {
        assertEquals(Optional.of("NVDEC decodes 4:2:0 only, source is yuv422p"),
                whyNot(video(1920, 1080).profile("High 4:2:2").pixelFormat("yuv422p").build()));
        assertEquals(Optional.of("NVDEC decodes 4:2:0 only, source is yuv444p"),
                whyNot(video(1920, 1080).codec("hevc").pixelFormat("yuv444p").build()));
    }

    @Test
    void fullRangeIsNotWhetherTheFormatOrTheRangeSaysSo() {
        String reason = "full-range source: converted to limited range on the CPU";
        assertEquals(Optional.of(reason), whyNot(video(1920, 1080).codec("mjpeg").pixelFormat("yuvj420p").range("pc").build()));
        assertEquals(Optional.of(reason), whyNot(video(1920, 1080).pixelFormat("yuv420p").range("pc").build()));
    }

    @Test
    void rotatedIsNot() {
        assertEquals(Optional.of("rotated source: rotation is applied on the CPU"), whyNot(video(1920, 1080).rotation(90).build()));
        assertEquals(Optional.of("rotated source: rotation is applied on the CPU"), whyNot(video(1920, 1080).rotation(180).build()));
    }

    @Test
    void hdrIsNotButTenBitSdrIs() {
        assertEquals(Optional.of("HDR source: tone mapping runs on the CPU"), whyNot(video(3840, 2160).codec("hevc").hdr10().build()));
        assertEquals(Optional.of("HDR source: tone mapping runs on the CPU"), whyNot(video(3840, 2160).codec("hevc")
                .pixelFormat("yuv420p10le").colours("bt2020", "arib-std-b67", "bt2020nc").build()));
        assertEquals(Optional.empty(), whyNot(video(3840, 2160).codec("hevc")
                .pixelFormat("yuv420p10le").colours("bt709", "bt709", "bt709").build()));
    }

    @Test
    void unknownPixelFormatIsNot() {
        VideoStream v = video(1920, 1080).build();
        VideoStream noFormat = new VideoStream(v.index(), v.codec(), v.profile(), v.size(), v.sampleAspectRatio(),
                v.displayAspectRatio(), v.averageFrameRate(), v.baseFrameRate(), Optional.empty(), Optional.empty(),
                v.colorRange(), v.colorPrimaries(), v.colorTransfer(), v.colorMatrix(), 0, v.fieldOrder(), false);
        assertEquals(Optional.of("NVDEC decodes 4:2:0 only, source is unknown"), whyNot(noFormat));
    }
}
