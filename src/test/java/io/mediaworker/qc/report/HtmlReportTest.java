package io.mediaworker.qc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.plan.AudioSpec;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import io.mediaworker.qc.Finding;
import io.mediaworker.qc.QcCheck;
import io.mediaworker.qc.QcPolicy;
import io.mediaworker.qc.QcReport;
import io.mediaworker.qc.RenditionMetrics;
import io.mediaworker.qc.Segment;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Rational FPS = Rational.ofInt(25);
    private static final Rendition R360 = new Rendition("360p", "360p.mp4", new Resolution(640, 360), FPS, 500, 750, 1000, "high");
    private static final Ladder LADDER = new Ladder(List.of(R360), FPS, 2.0, 50, 0, Optional.of(1), AudioSpec.DEFAULT, "veryfast", List.of());
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    /** Text that reaches the page from file names and ffmpeg messages, never trusted. */
    private static final String HOSTILE = "<script>alert('x')</script> & \"q\"";

    private static String render(boolean fail) {
        List<QcCheck> checks = List.of(new QcCheck("360p", "decodes completely", !fail, "0 decode errors", fail ? HOSTILE : "0 decode errors"),
                new QcCheck("*", "keyframes aligned across rungs", true, "same", "aligned"));
        List<Finding> findings = fail
                ? List.of(new Finding("black", "360p", Finding.Severity.FAILURE, Optional.of(new Segment(3, 6)), 3, 2, "3.00 s of black " + HOSTILE))
                : List.of();
        RenditionMetrics metrics = new RenditionMetrics("360p", Optional.of(0.99), Optional.of(0.95), Optional.of(40.0), Optional.empty(),
                Optional.of(-23.0), Optional.of(3.0), Optional.of(-3.0), fail ? 3 : 0, 0, 0, 0, 1000);
        QcReport report = new QcReport("abc", QcReport.Verdict.PASS, 0.5, checks).withAnalysis(findings, List.of(metrics), QcPolicy.DEFAULT);
        RenditionView view = new RenditionView("360p", new Resolution(640, 360), JPEG, List.of(0.0, 0.04, 0.08), List.of(0.99, 0.98, 0.5),
                List.of(40.0, 100.0, 20.0), List.of(60_000L, 62_000L), fail ? List.of(new Segment(3, 6)) : List.of(), List.of(),
                List.of(new Segment(8, 10)), 10.0);
        return HtmlReport.render(report, LADDER, List.of(view));
    }

    @Test
    void selfContained() {
        for (String html : List.of(render(false), render(true))) {
            assertFalse(html.contains("http://") || html.contains("https://"), "a URL in the report");
            assertFalse(html.toLowerCase().contains("<script"), "a script in the report");
            assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("), "a fetched resource");
            assertTrue(html.contains("src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(JPEG) + "\""), "contact sheet as a data URL");
            assertTrue(html.contains("<svg"), "plots drawn inline");
        }
    }

    @Test
    void showsTheVerdict() {
        assertTrue(render(false).contains("<span class=\"verdict PASS\">PASS</span>"));
        String failed = render(true);
        assertTrue(failed.contains("<span class=\"verdict FAIL\">FAIL</span>"));
        assertTrue(failed.contains("<li class=\"bad\">FAIL 360p: decodes completely"), failed);
    }

    @Test
    void textFromFindingsAndChecksIsEscaped() {
        String html = render(true);
        assertFalse(html.contains(HOSTILE));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), html);
        assertEquals(-1, html.indexOf("<script"));
    }
}
