package io.mediaworker.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what ffmpeg's {@code metadata=mode=print} writes: a {@code frame:N pts:P pts_time:T} line
 * per frame followed by its {@code key=value} lines. Pure.
 */
public final class MetadataLog {
    private static final Pattern FRAME = Pattern.compile("^frame:\\s*(\\d+)\\s+pts:\\s*(-?\\d+|NOPTS)\\s+pts_time:\\s*(\\S+)");

    /** One frame's time and metadata. */
    public record Frame(double time, Map<String, String> values) {

        public double number(String key, double otherwise) {
            String v = values.get(key);
            if (v == null) return otherwise;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return otherwise; // "inf", "nan"
            }
        }
    }

    private MetadataLog() {}

    public static List<Frame> parse(String text) {
        List<Frame> frames = new ArrayList<>();
        double time = 0;
        Map<String, String> values = null;
        for (String line : text.split("\n")) {
            Matcher m = FRAME.matcher(line);
            if (m.find()) {
                if (values != null) frames.add(new Frame(time, values));
                time = parseTime(m.group(3), time);
                values = new LinkedHashMap<>();
            } else if (values != null) {
                int eq = line.indexOf('=');
                if (eq > 0) values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        if (values != null) frames.add(new Frame(time, values));
        return frames;
    }

    private static double parseTime(String t, double previous) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return previous;
        }
    }
}
