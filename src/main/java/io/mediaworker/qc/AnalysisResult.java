package io.mediaworker.qc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an analysis run's stderr says about its first input, the rendition: decode errors (made
 * attributable by {@code -err_detect explode}) and the bytes ffmpeg read from it (its I/O
 * statistics line, the proof that QC reads each rendition once). Pure.
 */
public record AnalysisResult(int decodeErrors, List<String> firstErrors, long renditionBytesRead) {
    private static final Pattern DECODE_ERROR = Pattern.compile("Error while decoding stream #0:\\d+");
    private static final Pattern IO_STATS = Pattern.compile("Statistics: (\\d+) bytes read");

    public static AnalysisResult of(List<String> stderr) {
        List<String> errors = stderr.stream().filter(l -> DECODE_ERROR.matcher(l).find()).toList();
        long bytes = -1;
        for (String line : stderr) {
            Matcher m = IO_STATS.matcher(line);
            if (m.find()) { // inputs are closed in order: the first statistics line is the rendition's
                bytes = Long.parseLong(m.group(1));
                break;
            }
        }
        return new AnalysisResult(errors.size(), errors.subList(0, Math.min(5, errors.size())), bytes);
    }
}
