package io.mediaworker.ffmpeg;

import java.util.function.Consumer;

/**
 * Reads the {@code key=value} lines of ffmpeg's {@code -progress} output; each block ends with
 * {@code progress=continue} or {@code progress=end}, and then one {@link Progress} is emitted.
 * Not thread-safe: one parser per run, fed from its stdout drain.
 */
public final class ProgressParser implements Consumer<String> {
    private final double totalSeconds;
    private final Consumer<Progress> listener;
    private double outTime;
    private long frame;
    private double fps;
    private double speed;

    public ProgressParser(double totalSeconds, Consumer<Progress> listener) {
        this.totalSeconds = totalSeconds;
        this.listener = listener;
    }

    @Override
    public void accept(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) return;
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        switch (key) {
            case "out_time_us", "out_time_ms" -> outTime = number(value) / 1e6; // both are microseconds, as ffmpeg documents out_time_ms wrongly
            case "frame" -> frame = (long) number(value);
            case "fps" -> fps = number(value);
            case "speed" -> speed = number(value.replace("x", ""));
            case "progress" -> listener.accept(new Progress(Math.max(outTime, 0), frame, fps, speed, totalSeconds, value.equals("end")));
            default -> { }
        }
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0; // "N/A" before the first frame is out
        }
    }
}
