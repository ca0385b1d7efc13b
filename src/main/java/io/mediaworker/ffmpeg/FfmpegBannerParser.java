package io.mediaworker.ffmpeg;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.FieldOrder;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.PixelFormats;
import io.mediaworker.model.Rational;
import io.mediaworker.model.Resolution;
import io.mediaworker.model.VideoStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code Input #0} report that {@code ffmpeg -i FILE} prints on stderr into the same
 * {@link MediaInfo} that {@link FfprobeJsonParser} makes of ffprobe's JSON, for ffmpeg builds that
 * ship without ffprobe. Written against the report of ffmpeg 4.4 and 5.1. The report is rounded
 * (duration to 1/100 s, bit rates to kb/s, frame rates to two decimals); everything else is exact.
 * Pure and stateless.
 */
public final class FfmpegBannerParser {
    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+?), from '");
    private static final Pattern DURATION = Pattern.compile("^ {2}Duration: (?:N/A|(\\d+):(\\d{2}):(\\d{2})\\.(\\d{2}))");
    private static final Pattern BITRATE = Pattern.compile("bitrate: (\\d+) kb/s");
    private static final Pattern STREAM = Pattern.compile(
            "^\\s+Stream #0:(\\d+)(?:\\[0x[0-9a-fA-F]+])?(?:\\(([^)]*)\\))?: (\\w+): (.*)$");
    private static final Pattern GUESSED_LAYOUT = Pattern.compile("Guessed Channel Layout.*?#0[.:](\\d+)|#0[.:](\\d+).*Guessed Channel Layout");
    private static final Pattern DISPOSITIONS = Pattern.compile("((?: \\((?:default|dub|original|comment|lyrics|karaoke|forced"
            + "|hearing impaired|visual impaired|clean effects|attached pic|timed thumbnails|non-diegetic|captions"
            + "|descriptions|metadata|dependent|still image)\\))+)$");
    private static final Pattern DISPLAY_MATRIX = Pattern.compile("displaymatrix: rotation of (-?[\\d.]+) degrees");
    private static final Pattern ROTATE_TAG = Pattern.compile("^\\s+rotate\\s*: (-?[\\d.]+)\\s*$");
    private static final Pattern PIXEL_FORMAT = Pattern.compile("^([a-z0-9_]+)(?:\\((.*)\\))?$");
    private static final Pattern SIZE = Pattern.compile("^(\\d+)x(\\d+)(?:.*\\[SAR (\\d+):(\\d+) DAR (\\d+):(\\d+)])?");
    private static final Pattern CONTAINER_SAR = Pattern.compile("^SAR (\\d+):(\\d+) DAR (\\d+):(\\d+)$");
    private static final Pattern AVG_RATE = Pattern.compile("^([\\d.]+)(k?) fps$");
    private static final Pattern BASE_RATE = Pattern.compile("^([\\d.]+)(k?) tbr$");
    private static final Pattern SAMPLE_RATE = Pattern.compile("^(\\d+) Hz$");
    private static final Pattern CHANNELS = Pattern.compile("^(\\d+) channels");
    private static final Pattern DECODER_NAME = Pattern.compile("^[a-z][a-z0-9_]*$");

    /** ffmpeg's standard channel layouts ({@code ffmpeg -layouts}) and their channel counts. */
    private static final Map<String, Integer> LAYOUTS = Map.ofEntries(
            Map.entry("mono", 1), Map.entry("stereo", 2), Map.entry("2.1", 3), Map.entry("3.0", 3),
            Map.entry("3.0(back)", 3), Map.entry("4.0", 4), Map.entry("quad", 4), Map.entry("quad(side)", 4),
            Map.entry("3.1", 4), Map.entry("5.0", 5), Map.entry("5.0(side)", 5), Map.entry("4.1", 5),
            Map.entry("5.1", 6), Map.entry("5.1(side)", 6), Map.entry("6.0", 6), Map.entry("6.0(front)", 6),
            Map.entry("hexagonal", 6), Map.entry("6.1", 7), Map.entry("6.1(back)", 7), Map.entry("6.1(front)", 7),
            Map.entry("7.0", 7), Map.entry("7.0(front)", 7), Map.entry("7.1", 8), Map.entry("7.1(wide)", 8),
            Map.entry("7.1(wide-side)", 8), Map.entry("octagonal", 8), Map.entry("downmix", 2),
            Map.entry("hexadecagonal", 16), Map.entry("22.2", 24));

    private FfmpegBannerParser() {}

    /** One {@code Stream #0:N} line split up, with the indented lines (Metadata, Side data) below it. */
    private record StreamBlock(int index, Optional<String> language, String type, String description, List<String> details) {}

    public static MediaInfo parse(String stderrText, long fileSize) {
        List<String> lines = stderrText.lines().toList();
        int start = inputLine(lines);
        String container = matcher(INPUT, lines.get(start)).group(1);
        Optional<Duration> duration = Optional.empty();
        Optional<Long> bitRate = Optional.empty();
        List<StreamBlock> blocks = new ArrayList<>();
        StreamBlock current = null; // the stream whose indented details are being read
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith(" ")) break; // the report ends at the first unindented line
            Matcher d = DURATION.matcher(line), s = STREAM.matcher(line);
            if (s.matches()) {
                current = new StreamBlock(Integer.parseInt(s.group(1)), Optional.ofNullable(s.group(2)),
                        s.group(3), s.group(4), new ArrayList<>());
                blocks.add(current);
            } else if (line.startsWith("    ") && current != null) {
                current.details().add(line);
            } else {
                current = null; // Duration, Program, Chapters: not part of a stream
                if (d.find()) {
                    duration = duration(d);
                    Matcher b = BITRATE.matcher(line);
                    bitRate = b.find() ? Optional.of(Long.parseLong(b.group(1)) * 1000).filter(r -> r > 0) : Optional.empty();
                }
            }
        }
        return toMediaInfo(container, duration, fileSize, bitRate, blocks, guessedLayouts(lines));
    }

    private static MediaInfo toMediaInfo(String container, Optional<Duration> duration, long fileSize,
            Optional<Long> bitRate, List<StreamBlock> blocks, Set<Integer> guessedLayouts) {
        List<VideoStream> video = new ArrayList<>();
        List<AudioStream> audio = new ArrayList<>();
        int subtitles = 0, data = 0, attachments = 0;
        for (StreamBlock b : blocks) {
            switch (b.type()) {
                case "Video" -> videoStream(b).ifPresent(video::add);
                case "Audio" -> audioStream(b, guessedLayouts.contains(b.index())).ifPresent(audio::add);
                case "Subtitle" -> subtitles++;
                case "Attachment" -> attachments++;
                default -> data++;
            }
        }
        return new MediaInfo(container, duration, fileSize, bitRate, video, audio, subtitles, data, attachments);
    }

    private static Optional<VideoStream> videoStream(StreamBlock b) {
        Matcher disp = DISPOSITIONS.matcher(b.description());
        boolean hasDispositions = disp.find();
        boolean attachedPicture = hasDispositions && disp.group(1).contains("(attached pic)");
        List<String> parts = splitTopLevel(hasDispositions ? b.description().substring(0, disp.start()) : b.description());
        Optional<Resolution> size = Optional.empty();
        Optional<Rational> sar = Optional.empty(), dar = Optional.empty(), containerSar = Optional.empty(),
                containerDar = Optional.empty(), avgRate = Optional.empty(), baseRate = Optional.empty();
        PixelFormat pix = PixelFormat.NONE;
        for (int i = 1; i < parts.size(); i++) {
            String part = parts.get(i);
            Matcher m;
            if ((m = SIZE.matcher(part)).find()) {
                size = Optional.of(new Resolution(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                sar = ratio(m.group(3), m.group(4));
                dar = ratio(m.group(5), m.group(6));
            } else if ((m = CONTAINER_SAR.matcher(part)).matches()) {
                containerSar = ratio(m.group(1), m.group(2));
                containerDar = ratio(m.group(3), m.group(4));
            } else if ((m = AVG_RATE.matcher(part)).matches()) {
                avgRate = printedRate(m.group(1), !m.group(2).isEmpty());
            } else if ((m = BASE_RATE.matcher(part)).matches()) {
                baseRate = printedRate(m.group(1), !m.group(2).isEmpty());
            } else if (i == 1 && (m = PIXEL_FORMAT.matcher(part)).matches()) {
                pix = PixelFormat.of(m.group(1), m.group(2));
            }
        }
        if (size.isEmpty()) return Optional.empty();
        // Like ffprobe: a container-level aspect ratio overrides the codec's.
        boolean containerAspect = containerSar.isPresent();
        Optional<Rational> sampleAspect = containerAspect ? containerSar : sar;
        Optional<Rational> displayAspect = containerAspect ? containerDar : dar;
        return Optional.of(new VideoStream(b.index(), codecName(parts.get(0)), profile(parts.get(0)), size.get(),
                sampleAspect, displayAspect, avgRate, baseRate, pix.name(), pix.name().flatMap(PixelFormats::bitDepth),
                pix.range(), pix.primaries(), pix.transfer(), pix.matrix(), rotation(b.details()), pix.fieldOrder(),
                attachedPicture));
    }

    private static Optional<AudioStream> audioStream(StreamBlock b, boolean layoutGuessed) {
        List<String> parts = splitTopLevel(DISPOSITIONS.matcher(b.description()).replaceFirst(""));
        int rate = 0, channels = 0;
        Optional<String> layout = Optional.empty();
        for (String part : parts.subList(1, parts.size())) {
            Matcher hz = SAMPLE_RATE.matcher(part), n = CHANNELS.matcher(part);
            if (hz.matches()) {
                rate = Integer.parseInt(hz.group(1));
            } else if (channels == 0 && LAYOUTS.containsKey(part)) {
                channels = LAYOUTS.get(part);
                layout = Optional.of(part);
            } else if (channels == 0 && n.find()) {
                channels = Integer.parseInt(n.group(1));
                // "2 channels" alone means no layout; "2 channels (FL+FR)" is a layout ffprobe names the same way.
                layout = n.end() == part.length() ? Optional.empty() : Optional.of(part);
            }
        }
        if (channels <= 0 || rate <= 0) return Optional.empty();
        // ffmpeg (not ffprobe) guesses a layout the file does not state: that is not a fact about the file.
        if (layoutGuessed) layout = Optional.empty();
        return Optional.of(new AudioStream(b.index(), codecName(parts.get(0)), profile(parts.get(0)),
                channels, layout, rate, b.language()));
    }

    /** The colour and field facts printed in parentheses after the pixel format, e.g. {@code (tv, bt709, progressive)}. */
    private record PixelFormat(Optional<String> name, Optional<String> range, Optional<String> matrix,
            Optional<String> primaries, Optional<String> transfer, Optional<FieldOrder> fieldOrder) {
        static final PixelFormat NONE = new PixelFormat(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        static PixelFormat of(String name, String details) {
            Optional<String> range = Optional.empty(), matrix = Optional.empty(), primaries = Optional.empty(),
                    transfer = Optional.empty();
            Optional<FieldOrder> fieldOrder = Optional.empty();
            for (String word : details == null ? List.<String>of() : List.of(details.split(", "))) {
                Optional<FieldOrder> field = FieldOrder.fromFfmpegBanner(word);
                if (field.isPresent()) {
                    fieldOrder = field;
                } else if (word.equals("tv") || word.equals("pc")) {
                    range = Optional.of(word);
                } else if (!word.endsWith(" bpc")) {
                    // "space/primaries/transfer", or one name when all three are the same.
                    String[] colours = word.contains("/") ? word.split("/", 3) : new String[] {word, word, word};
                    matrix = known(colours[0]);
                    primaries = known(colours[1]);
                    transfer = known(colours[2]);
                }
            }
            return new PixelFormat(known(name), range, matrix, primaries, transfer, fieldOrder);
        }
    }

    private static int inputLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (INPUT.matcher(lines.get(i)).find()) return i;
        }
        throw new InvalidInputException("not readable as media: " + lastError(lines));
    }

    /** ffmpeg's last complaint without the file name before it, e.g. "Invalid data found when processing input". */
    private static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("At least one output file")) continue;
            int colon = line.lastIndexOf(": ");
            return colon >= 0 ? line.substring(colon + 2) : line;
        }
        return "ffmpeg printed no report";
    }

    private static Set<Integer> guessedLayouts(List<String> lines) {
        Set<Integer> streams = new HashSet<>();
        for (String line : lines) {
            Matcher m = GUESSED_LAYOUT.matcher(line);
            if (m.find()) streams.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return streams;
    }

    private static Optional<Duration> duration(Matcher m) {
        if (m.group(1) == null) return Optional.empty();
        Duration d = Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3))).plusMillis(Long.parseLong(m.group(4)) * 10);
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** The codec name is the first word: {@code hevc} in {@code hevc (Main 10) (hev1 / 0x31766568)}. */
    private static String codecName(String codecPart) {
        String name = codecPart.split(" ", 2)[0];
        return name.equals("none") ? "unknown" : name;
    }

    /**
     * The profile among the parenthesised groups after the codec name. ffmpeg prints, in this order,
     * a decoder name when it differs from the codec's ({@code libdav1d}), the profile ({@code Main 10},
     * {@code 4444}) and the codec tag ({@code avc1 / 0x31637661}). Decoder names are lower-case
     * identifiers; no profile name is.
     */
    static Optional<String> profile(String codecPart) {
        int space = codecPart.indexOf(' ');
        if (space < 0) return Optional.empty();
        List<String> groups = new ArrayList<>();
        for (String group : splitGroups(codecPart.substring(space + 1))) {
            if (!group.contains(" / 0x")) groups.add(group);
        }
        if (groups.size() >= 2) return Optional.of(groups.get(1));
        if (groups.size() == 1 && !DECODER_NAME.matcher(groups.get(0)).matches()) return Optional.of(groups.get(0));
        return Optional.empty();
    }

    /** The contents of each top-level {@code (…)} group in text such as {@code (High) (avc1 / 0x31637661)}. */
    private static List<String> splitGroups(String text) {
        List<String> groups = new ArrayList<>();
        int depth = 0, open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && depth++ == 0) open = i;
            if (c == ')' && depth > 0 && --depth == 0) groups.add(text.substring(open + 1, i));
        }
        return groups;
    }

    /** Splits a stream description on ", " outside parentheses and brackets. */
    static List<String> splitTopLevel(String description) {
        List<String> parts = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth > 0) depth--;
            else if (depth == 0 && description.startsWith(", ", i)) {
                parts.add(description.substring(from, i));
                from = i + 2;
            }
        }
        parts.add(description.substring(from));
        return parts;
    }

    /**
     * A frame rate back from its two-decimal print: whole numbers exactly, NTSC-style rates
     * (N×1000/1001, printed e.g. 29.97) as that fraction, anything else as the printed decimal.
     */
    static Optional<Rational> printedRate(String number, boolean thousands) {
        BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(thousands ? 1000 : 1));
        if (value.signum() <= 0) return Optional.empty();
        if (value.stripTrailingZeros().scale() <= 0) return Optional.of(Rational.ofInt(value.longValueExact()));
        double ntsc = value.doubleValue() * 1.001;
        long whole = Math.round(ntsc);
        if (whole > 0 && Math.abs(ntsc - whole) <= 0.005) return Optional.of(Rational.of(whole * 1000, 1001));
        BigDecimal exact = value.stripTrailingZeros();
        return Optional.of(Rational.of(exact.unscaledValue().longValueExact(), BigDecimal.TEN.pow(exact.scale()).longValueExact()));
    }

    /** Display rotation: the display matrix (counter-clockwise), else ffmpeg 4's clockwise {@code rotate} tag. */
    private static int rotation(List<String> details) {
        for (String line : details) {
            Matcher m = DISPLAY_MATRIX.matcher(line);
            if (m.find()) return VideoStream.normaliseRotation(Double.parseDouble(m.group(1)));
        }
        for (String line : details) {
            Matcher m = ROTATE_TAG.matcher(line);
            if (m.matches()) return VideoStream.normaliseRotation(-Double.parseDouble(m.group(1)));
        }
        return 0;
    }

    private static Optional<Rational> ratio(String num, String den) {
        return num == null ? Optional.empty() : Rational.parse(num + ":" + den);
    }

    private static Optional<String> known(String name) {
        boolean absent = name == null || name.isEmpty() || name.equals("unknown") || name.equals("none");
        return absent ? Optional.empty() : Optional.of(name);
    }

    private static Matcher matcher(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) throw new IllegalStateException("no match: " + text);
        return m;
    }
}
