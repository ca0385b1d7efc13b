package io.mediaworker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tests' own measurements of pictures and sound, with the system ffmpeg. */
public final class Measure {
    private static final Pattern SATURATION = Pattern.compile("lavfi\\.signalstats\\.SATAVG=([0-9.]+)");
    private static final Pattern IDET_MULTI = Pattern.compile("Multi frame detection: TFF: *(\\d+) BFF: *(\\d+) Progressive: *(\\d+)");
    private static final Pattern PSNR_AVERAGE = Pattern.compile("PSNR .* average:([0-9.]+|inf)");

    private Measure() {}

    /** The pitch of the first audio stream: zero crossings of its mono mix over its length. */
    public static double pitchHz(Path media, Path scratchDir) {
        Path raw = scratchDir.resolve("pitch-" + System.nanoTime() + ".s16");
        ffmpeg(List.of("-i", media.toString(), "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", raw.toString()));
        try {
            ByteBuffer samples = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            Files.delete(raw);
            int n = samples.remaining() / 2, crossings = 0, previous = 0;
            for (int i = 0; i < n; i++) {
                int s = Integer.signum(samples.getShort());
                if (s != 0) {
                    if (previous != 0 && s != previous) crossings++;
                    previous = s;
                }
            }
            assertTrue(n > 4800, "less than 0.1 s of audio in " + media);
            return crossings / 2.0 / (n / 48_000.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source through {@code filters} into an 8-bit H.264 file, tagged BT.709 (the reference the test makes itself). */
    public static Path render(Path source, String filters, Path target) {
        ffmpeg(List.of("-i", source.toString(), "-map", "0:v:0", "-vf", filters, "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0",
                "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", target.toString()));
        return target;
    }

    /** Mean saturation (signalstats SATAVG) over every frame of the first video stream. */
    public static double meanSaturation(Path media) {
        String log = ffmpegStderr(List.of("-i", media.toString(), "-map", "0:v:0", "-vf", "signalstats,metadata=print:key=lavfi.signalstats.SATAVG",
                "-f", "null", "-"));
        Matcher m = SATURATION.matcher(log);
        List<Double> values = new ArrayList<>();
        while (m.find()) values.add(Double.parseDouble(m.group(1)));
        assertTrue(!values.isEmpty(), "no signalstats output for " + media + ":\n" + log);
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The share of frames {@code idet}'s multi-frame detection calls interlaced (TFF or BFF). */
    public static double interlacedShare(Path media) {
        String log = ffmpegStderr(List.of("-i", media.toString(), "-map", "0:v:0", "-vf", "idet", "-f", "null", "-"));
        Matcher m = IDET_MULTI.matcher(log);
        assertTrue(m.find(), "no idet output for " + media + ":\n" + log);
        double tff = Double.parseDouble(m.group(1)), bff = Double.parseDouble(m.group(2)), progressive = Double.parseDouble(m.group(3));
        return (tff + bff) / Math.max(1, tff + bff + progressive);
    }

    /** Average PSNR (dB, all planes) of {@code a} against {@code b}, frame by frame. */
    public static double psnr(Path a, Path b) {
        String log = ffmpegStderr(List.of("-i", a.toString(), "-i", b.toString(), "-lavfi", "[0:v:0][1:v:0]psnr", "-f", "null", "-"));
        Matcher m = PSNR_AVERAGE.matcher(log);
        assertTrue(m.find(), "no PSNR in:\n" + log);
        return m.group(1).equals("inf") ? 100 : Double.parseDouble(m.group(1));
    }

    /** The RGB of the centre of the first frame, decoded with the BT.709 matrix from limited range. */
    public static int[] centreRgb(Path media, Path scratchDir) {
        Path raw = scratchDir.resolve("rgb-" + System.nanoTime() + ".rgb");
        ffmpeg(List.of("-i", media.toString(), "-map", "0:v:0", "-frames:v", "1",
                "-vf", "crop=2:2:iw/2:ih/2,scale=in_color_matrix=bt709:in_range=tv:out_range=pc,format=rgb24",
                "-f", "rawvideo", raw.toString()));
        try {
            byte[] px = Files.readAllBytes(raw);
            Files.delete(raw);
            return new int[] {px[0] & 0xFF, px[1] & 0xFF, px[2] & 0xFF};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ffmpeg(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(args);
        ExternalProgram.check(cmd, 120);
    }

    private static String ffmpegStderr(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(GeneratedMedia.FFMPEG.toString(), "-hide_banner", "-nostdin", "-v", "info"));
        cmd.addAll(args);
        ExternalProgram.Result r = ExternalProgram.run(cmd, Map.of(), 120);
        assertTrue(r.exitCode() == 0, cmd + " exited " + r.exitCode() + "\n" + r.stderr());
        return r.stderr();
    }
}
