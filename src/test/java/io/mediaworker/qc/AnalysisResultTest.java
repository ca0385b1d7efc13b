package io.mediaworker.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisResultTest {

    @Test
    void recordedRunOnACorruptRendition() {
        // Real stderr: decode errors on the rendition (#0:0 video, #0:1 audio), then the inputs' I/O
        // statistics, rendition first (618211 bytes is its size), source second.
        AnalysisResult r = AnalysisResult.of(Recorded.text("analysis-stderr-corrupt").lines().toList());
        assertEquals(5, r.decodeErrors());
        assertEquals(5, r.firstErrors().size());
        assertTrue(r.firstErrors().get(0).startsWith("Error while decoding stream #0:1"), r.firstErrors().toString());
        assertEquals(618_211, r.renditionBytesRead(), "the first 'bytes read' line, not the early 'bytes written' ones");
    }

    @Test
    void theSourcesErrorsAreNotTheRenditions() {
        List<String> lines = new ArrayList<>();
        lines.add("Error while decoding stream #1:0: Invalid data found when processing input");
        lines.add("Error while decoding stream #0:0: Invalid data found when processing input");
        lines.add("Error while decoding stream #1:1: Invalid data found when processing input");
        for (int i = 0; i < 7; i++) lines.add("Error while decoding stream #0:1: Invalid data found when processing input");
        lines.add("[AVIOContext @ 0x1] Statistics: 1000 bytes read, 0 seeks");
        lines.add("[AVIOContext @ 0x2] Statistics: 9000 bytes read, 2 seeks");
        AnalysisResult r = AnalysisResult.of(lines);
        assertEquals(8, r.decodeErrors());
        assertEquals(5, r.firstErrors().size(), "the first five kept for the report");
        assertEquals(1000, r.renditionBytesRead());
    }

    @Test
    void noStatisticsLineMeansUnknown() {
        AnalysisResult r = AnalysisResult.of(List.of("frame=  10 fps=0.0"));
        assertEquals(0, r.decodeErrors());
        assertEquals(-1, r.renditionBytesRead());
    }
}
