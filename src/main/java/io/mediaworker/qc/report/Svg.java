package io.mediaworker.qc.report;

import io.mediaworker.qc.Segment;
import java.util.List;
import java.util.Locale;

/** A small line chart in inline SVG: series over time, shaded time ranges, labelled axes. No scripts, no fonts fetched. */
final class Svg {
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
    private static final int W = 860, H = 220, LEFT = 56, RIGHT = 12, TOP = 12, BOTTOM = 30;

    record Series(String name, List<Double> x, List<Double> y) {}

    record Band(String name, String colour, List<Segment> ranges) {}

    private Svg() {}

    static String chart(String yLabel, List<Series> series, List<Band> bands, double xMax, double yMin, double yMax) {
        double xm = Math.max(xMax, 1e-3), ySpan = Math.max(yMax - yMin, 1e-9);
        StringBuilder sb = new StringBuilder();
        // No xmlns: SVG inline in HTML needs none, and the report holds no URL at all (it is checked for).
        sb.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", W, H, W, H));
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H).append("\" fill=\"#fff\"/>");
        for (Band b : bands) {
            for (Segment s : b.ranges()) {
                double x0 = x(s.start(), xm), x1 = x(s.end(), xm);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.25\"><title>%s %.2f–%.2f s</title></rect>",
                        x0, TOP, Math.max(1, x1 - x0), H - TOP - BOTTOM, b.colour(), Html.escape(b.name()), s.start(), s.end()));
            }
        }
        for (int i = 0; i <= 4; i++) {
            double v = yMin + ySpan * i / 4;
            double y = y(v, yMin, ySpan);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, W - RIGHT, y, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">%s</text>", LEFT - 4, y + 4, label(v)));
        }
        for (int i = 0; i <= 5; i++) {
            double t = xm * i / 5;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">%s s</text>", x(t, xm), H - 10, label(t)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" fill=\"#444\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                H / 2, H / 2, Html.escape(yLabel)));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < Math.min(s.x().size(), s.y().size()); i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s.x().get(i), xm), y(clamp(s.y().get(i), yMin, yMax), yMin, ySpan)));
            }
            sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLOURS[k % COLOURS.length])
              .append("\" points=\"").append(points.toString().trim()).append("\"><title>").append(Html.escape(s.name())).append("</title></polyline>");
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        return sb.append("</svg>").toString();
    }

    private static double x(double t, double xMax) {
        return LEFT + (W - LEFT - RIGHT) * t / xMax;
    }

    private static double y(double v, double yMin, double span) {
        return H - BOTTOM - (H - TOP - BOTTOM) * (v - yMin) / span;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String label(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
