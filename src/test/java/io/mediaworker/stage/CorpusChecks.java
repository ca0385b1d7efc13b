package io.mediaworker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.stage.CorpusRow.Output;
import io.mediaworker.testing.Ffprobe;
import io.mediaworker.testing.Measure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks of {@link HostileCorpusIT}'s rows beyond the ones every rendition gets: each measures, none reads what the worker printed. */
final class CorpusChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusChecks() {}

    /**
     * Really converted, not re-tagged: the test makes the naive 8-bit version (bit depth reduced,
     * colours untouched) and its own tone-mapped reference from the source. The rendition must be
     * close to the reference and far more saturated than the naive one (BT.2020 code values read
     * as BT.709 look washed out).
     */
    static void toneMappedNotRetagged(Output o) {
        Path source = o.source();
        String size = o.width() + ":" + o.height();
        Path naive = Measure.render(source, "scale=" + size + ",format=yuv420p", o.ctx().work().resolve("naive.mp4"));
        Path reference = Measure.render(source, "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,"
                + "zscale=t=bt709:m=bt709:r=tv,format=yuv420p,scale=" + size, o.ctx().work().resolve("reference.mp4"));
        double saturation = Measure.meanSaturation(o.file()), naiveSaturation = Measure.meanSaturation(naive);
        assertTrue(saturation > 1.4 * naiveSaturation, "saturation " + saturation + " vs naive " + naiveSaturation + ": colours not converted");
        double toReference = Measure.psnr(o.file(), reference), toNaive = Measure.psnr(o.file(), naive);
        assertTrue(toReference > 26 && toReference > toNaive + 5, "PSNR against the test's own tone-mapped reference "
                + toReference + " dB, against the naive conversion " + toNaive + " dB");
    }

    /** RGB (200, 50, 50) coded with BT.601 must decode with BT.709 (as the tags say) to about the same red. */
    static void redStaysRed(Output o) {
        int[] out = Measure.centreRgb(o.file(), o.ctx().work());
        int[] trap = Measure.centreRgb(o.source(), o.ctx().work()); // the source read as BT.709: what mere re-tagging shows
        assertTrue(Math.abs(trap[0] - 200) + Math.abs(trap[1] - 50) >= 15, "the test's premise: BT.601 read as BT.709 is off, got "
                + java.util.Arrays.toString(trap));
        assertTrue(Math.abs(out[0] - 200) <= 6 && Math.abs(out[1] - 50) <= 6 && Math.abs(out[2] - 50) <= 6,
                "expected about (200, 50, 50), got " + java.util.Arrays.toString(out));
    }

    static void sixtyFramesASecond(Output o) {
        Ffprobe.Probe p = Ffprobe.probe(o.file());
        assertEquals("60/1", p.videos().get(0).path("r_frame_rate").asText());
        assertEquals("60/1", p.videos().get(0).path("avg_frame_rate").asText());
    }

    /** idet's verdict, not the flag: the source is woven from fields (the premise), the rendition is not. */
    static void deinterlaced(Output o) {
        double before = Measure.interlacedShare(o.source()), after = Measure.interlacedShare(o.file());
        assertTrue(before > 0.8, "the test's premise: idet finds the source interlaced, share " + before);
        assertTrue(after < 0.2, "idet still finds " + after + " of the rendition's frames interlaced");
    }

    /** The manifest keeps the name as it was, byte for byte (JSON escapes what needs escaping). */
    static void originalNameKept(Output o) {
        try {
            Path manifest = o.file().resolveSibling("manifest.json");
            String recorded = JSON.readTree(Files.readAllBytes(manifest)).path("source").path("originalName").asText();
            assertEquals(o.source().getFileName().toString(), recorded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void constantFrameRate(Output o) {
        List<Ffprobe.Packet> in = Ffprobe.videoPackets(o.source());
        assertTrue(distinctSpacings(in) > 1, "the test's premise: the source's frame durations vary");
        List<Ffprobe.Packet> out = Ffprobe.videoPackets(o.file());
        assertEquals(1, distinctSpacings(out), "one frame duration in the rendition");
    }

    private static long distinctSpacings(List<Ffprobe.Packet> packets) {
        List<Long> spacings = new ArrayList<>();
        for (int i = 1; i < packets.size(); i++) spacings.add(Math.round((packets.get(i).ptsTime() - packets.get(i - 1).ptsTime()) * 1000));
        return spacings.stream().distinct().count();
    }
}
