package io.mediaworker.qc.report;

import io.mediaworker.plan.Ladder;
import io.mediaworker.qc.Finding;
import io.mediaworker.qc.QcCheck;
import io.mediaworker.qc.QcReport;
import io.mediaworker.qc.RenditionMetrics;
import io.mediaworker.qc.Segment;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders {@code qc.html}: one self-contained page (inline CSS and SVG, contact sheets as data
 * URLs, no scripts, nothing fetched) with the verdict, the failures and warnings, a table of
 * headline numbers, every check per rendition, a contact sheet per rendition, and plots over time
 * of bitrate and per-frame quality with black, frozen and silent ranges shaded. Pure.
 */
public final class HtmlReport {
    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:960px}"
            + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}"
            + ".verdict{display:inline-block;padding:4px 14px;border-radius:4px;color:#fff;font-weight:700;font-size:18px}"
            + ".PASS{background:#2e7d32}.FAIL{background:#c62828}table{border-collapse:collapse;width:100%;font-size:13px}"
            + "td,th{border:1px solid #ddd;padding:3px 6px;text-align:left}th{background:#f3f3f3}.ok{color:#2e7d32}.bad{color:#c62828;font-weight:600}"
            + ".warn{color:#b26a00}.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}"
            + "img{max-width:100%;border:1px solid #ccc}";

    private HtmlReport() {}

    public static String render(QcReport report, Ladder ladder, List<RenditionView> views) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>QC ")
                .append(Html.escape(report.assetId())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>QC report: ").append(Html.escape(report.assetId())).append("</h1>");
        h.append("<p><span class=\"verdict ").append(report.verdict()).append("\">").append(report.verdict()).append("</span> ")
                .append(String.format(Locale.ROOT, "%d checks, %d failed; %d findings: %d failures, %d warnings. Ladder: %d rungs at %s fps, keyframes every %s s.",
                        report.checks().size(), report.failures().size(), report.findings().size(), report.failureLines().size() - report.failures().size(),
                        report.warningLines().size(), ladder.renditions().size(), ladder.frameRate(), ladder.keyframeIntervalSeconds()))
                .append("</p>");
        issues(h, report);
        metrics(h, report.metrics(), views);
        plots(h, views);
        for (RenditionView v : views) {
            h.append("<h2>").append(Html.escape(v.name())).append(" (").append(v.size()).append(")</h2>");
            if (v.contactSheetJpeg().length > 0) {
                h.append("<img alt=\"contact sheet of ").append(Html.escape(v.name())).append("\" src=\"data:image/jpeg;base64,")
                        .append(Base64.getEncoder().encodeToString(v.contactSheetJpeg())).append("\">");
            }
            checks(h, report.checks().stream().filter(c -> c.rendition().equals(v.name())).toList());
        }
        List<QcCheck> ladderChecks = report.checks().stream().filter(c -> c.rendition().equals("*")).toList();
        if (!ladderChecks.isEmpty()) {
            h.append("<h2>Across the ladder</h2>");
            checks(h, ladderChecks);
        }
        h.append("<p style=\"color:#777;font-size:12px\">VMAF: ")
                .append(report.metrics().stream().anyMatch(m -> m.vmaf().isPresent()) ? "measured" : "unavailable (this ffmpeg has no libvmaf)")
                .append(". Policy thresholds are in qc.json.</p></body></html>");
        return h.toString();
    }

    private static void issues(StringBuilder h, QcReport report) {
        List<String> failures = report.failureLines(), warnings = report.warningLines();
        if (failures.isEmpty() && warnings.isEmpty()) {
            h.append("<p class=\"ok\">No failures, no warnings.</p>");
            return;
        }
        h.append("<h2>Failures and warnings</h2><ul>");
        for (String f : failures) h.append("<li class=\"bad\">FAIL ").append(Html.escape(f)).append("</li>");
        for (String w : warnings) h.append("<li class=\"warn\">warning ").append(Html.escape(w)).append("</li>");
        h.append("</ul>");
    }

    private static void metrics(StringBuilder h, List<RenditionMetrics> metrics, List<RenditionView> views) {
        if (metrics.isEmpty()) return;
        h.append("<h2>Headline numbers</h2><table><tr><th>rendition</th><th>size</th><th>SSIM mean</th><th>SSIM min</th><th>PSNR mean (dB)</th>"
                + "<th>VMAF</th><th>loudness (LUFS)</th><th>LRA (LU)</th><th>true peak (dBTP)</th><th>black s</th><th>frozen s</th><th>silent s</th><th>interlaced</th></tr>");
        for (RenditionMetrics m : metrics) {
            String size = views.stream().filter(v -> v.name().equals(m.rendition())).findFirst().map(v -> v.size().toString()).orElse("");
            h.append("<tr><td>").append(Html.escape(m.rendition())).append("</td><td>").append(size).append("</td>")
                    .append(cell(m.ssimMean(), "%.4f")).append(cell(m.ssimMin(), "%.4f")).append(cell(m.psnrMean(), "%.2f"))
                    .append(cell(m.vmaf(), "%.1f")).append(cell(m.integratedLufs(), "%.1f")).append(cell(m.loudnessRangeLu(), "%.1f"))
                    .append(cell(m.truePeakDbtp(), "%.1f")).append(cell(Optional.of(m.blackSeconds()), "%.2f"))
                    .append(cell(Optional.of(m.frozenSeconds()), "%.2f")).append(cell(Optional.of(m.silentSeconds()), "%.2f"))
                    .append(cell(Optional.of(m.interlacedRatio()), "%.2f")).append("</tr>");
        }
        h.append("</table>");
    }

    private static void plots(StringBuilder h, List<RenditionView> views) {
        if (views.isEmpty()) return;
        double duration = views.stream().mapToDouble(RenditionView::durationSeconds).max().orElse(1);
        List<Svg.Band> bands = new ArrayList<>();
        bands.add(new Svg.Band("black", "#000000", views.stream().flatMap(v -> v.black().stream()).toList()));
        bands.add(new Svg.Band("frozen", "#1565c0", views.stream().flatMap(v -> v.frozen().stream()).toList()));
        bands.add(new Svg.Band("silence", "#ef6c00", views.stream().flatMap(v -> v.silence().stream()).toList()));

        List<Svg.Series> bitrate = new ArrayList<>();
        double maxKbps = 1;
        for (RenditionView v : views) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int s = 0; s < v.videoBytesPerSecond().size(); s++) {
                double kbps = v.videoBytesPerSecond().get(s) * 8 / 1000.0;
                x.add(s + 0.5);
                y.add(kbps);
                maxKbps = Math.max(maxKbps, kbps);
            }
            bitrate.add(new Svg.Series(v.name(), x, y));
        }
        h.append("<h2>Video bitrate per second</h2>").append(legend(views, bands));
        h.append(Svg.chart("kbit/s", bitrate, bands, duration, 0, maxKbps * 1.1));

        List<Svg.Series> ssim = new ArrayList<>();
        double minSsim = 1;
        for (RenditionView v : views) {
            ssim.add(new Svg.Series(v.name(), v.frameTimes(), v.ssim()));
            minSsim = Math.min(minSsim, v.ssim().stream().mapToDouble(d -> d).min().orElse(1));
        }
        h.append("<h2>SSIM per frame against the source</h2>").append(legend(views, bands));
        h.append(Svg.chart("SSIM", ssim, bands, duration, Math.max(0, Math.floor((minSsim - 0.02) * 50) / 50), 1.0));

        List<Svg.Series> psnr = new ArrayList<>();
        double minPsnr = 100, maxPsnr = 0;
        for (RenditionView v : views) {
            psnr.add(new Svg.Series(v.name(), v.frameTimes(), v.psnr()));
            minPsnr = Math.min(minPsnr, v.psnr().stream().mapToDouble(d -> d).min().orElse(100));
            maxPsnr = Math.max(maxPsnr, v.psnr().stream().mapToDouble(d -> d).max().orElse(0));
        }
        h.append("<h2>PSNR per frame against the source (dB)</h2>").append(legend(views, bands));
        h.append(Svg.chart("PSNR dB", psnr, bands, duration, Math.max(0, Math.floor(minPsnr / 5) * 5 - 5), Math.ceil(maxPsnr / 5) * 5 + 5));
    }

    private static String legend(List<RenditionView> views, List<Svg.Band> bands) {
        StringBuilder sb = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < views.size(); i++) {
            sb.append("<span><i class=\"sw\" style=\"background:").append(Svg.COLOURS[i % Svg.COLOURS.length]).append("\"></i>")
                    .append(Html.escape(views.get(i).name())).append("</span>");
        }
        for (Svg.Band b : bands) {
            sb.append("<span><i class=\"sw\" style=\"background:").append(b.colour()).append(";opacity:.3\"></i>").append(b.name())
                    .append(b.ranges().isEmpty() ? " (none)" : " (" + b.ranges().size() + ")").append("</span>");
        }
        return sb.append("</p>").toString();
    }

    private static void checks(StringBuilder h, List<QcCheck> checks) {
        h.append("<table><tr><th>check</th><th>expected</th><th>measured</th><th></th></tr>");
        for (QcCheck c : checks) {
            h.append("<tr><td>").append(Html.escape(c.check())).append("</td><td>").append(Html.escape(c.expected())).append("</td><td>")
                    .append(Html.escape(c.actual())).append("</td><td class=\"").append(c.passed() ? "ok\">pass" : "bad\">FAIL").append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String cell(Optional<Double> v, String format) {
        return "<td>" + v.map(d -> String.format(Locale.ROOT, format, d)).orElse("–") + "</td>";
    }

}
