package io.mediaworker.aws.lambda;

import io.mediaworker.aws.lambda.SourceObject.Origin;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which created objects start a pipeline. A file share writes much that is not a finished source:
 * folder markers, empty placeholders, temporary names an application renames afterwards (rsync's
 * {@code .name.XXXXXX}, Office's {@code ~$name}, {@code *.part}), and, through a gateway, the same
 * file again each time it is flushed. Pure: the object in, a reason to skip it (or none) out.
 *
 * @param prefix only keys under it (empty: the whole bucket)
 * @param extensions accepted file extensions, lower case; empty accepts any
 * @param gatewayBuckets buckets written by a file gateway: their S3 events are skipped, because the
 *     gateway's upload-complete event, which comes once the file has settled, starts the pipeline
 */
public record SourceKeyPolicy(String prefix, Set<String> extensions, Set<String> gatewayBuckets) {
    public static final Set<String> MEDIA_EXTENSIONS = Set.of("mov", "mp4", "m4v", "mxf", "mkv", "avi", "mpg", "mpeg", "m2v",
            "ts", "m2ts", "mts", "webm", "wmv", "flv", "3gp", "dv", "y4m", "ogv", "mj2");
    private static final Set<String> TEMPORARY_EXTENSIONS = Set.of("tmp", "temp", "part", "partial", "crdownload", "download",
            "swp", "swx", "filepart", "upload", "lock", "inprogress");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    public SourceKeyPolicy {
        extensions = Set.copyOf(extensions);
        gatewayBuckets = Set.copyOf(gatewayBuckets);
    }

    /**
     * From the Lambda function's environment: MEDIA_SOURCE_PREFIX, MEDIA_SOURCE_EXTENSIONS (comma
     * separated; {@code *} for any; default {@link #MEDIA_EXTENSIONS}), MEDIA_GATEWAY_BUCKETS.
     */
    public static SourceKeyPolicy fromEnvironment(Map<String, String> env) {
        String ext = env.getOrDefault("MEDIA_SOURCE_EXTENSIONS", "").trim();
        return new SourceKeyPolicy(env.getOrDefault("MEDIA_SOURCE_PREFIX", ""),
                ext.isEmpty() ? MEDIA_EXTENSIONS : ext.equals("*") ? Set.of() : list(ext.toLowerCase(Locale.ROOT)),
                list(env.getOrDefault("MEDIA_GATEWAY_BUCKETS", "")));
    }

    public Optional<String> rejection(SourceObject object) {
        String key = object.key();
        if (object.origin() != Origin.STORAGE_GATEWAY && gatewayBuckets.contains(object.bucket())) {
            return Optional.of("bucket " + object.bucket() + " is written by a file gateway: its upload-complete event starts the pipeline");
        }
        if (!key.startsWith(prefix)) return Optional.of("outside the source prefix '" + prefix + "'");
        if (key.endsWith("/")) return Optional.of("a folder marker");
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) return Optional.of("a control character in the key");
        String[] segments = key.split("/", -1);
        for (String segment : Arrays.copyOf(segments, segments.length - 1)) {
            if (segment.equals(".") || segment.equals("..")) return Optional.of("a '" + segment + "' segment in the key");
            if (segment.startsWith(".")) return Optional.of("inside a hidden folder '" + segment + "'");
        }
        String name = segments[segments.length - 1];
        Optional<String> temporary = temporaryName(name);
        if (temporary.isPresent()) return temporary;
        if (object.size().isPresent() && object.size().getAsLong() == 0) return Optional.of("an empty object (a placeholder, not yet written)");
        String extension = extension(name);
        if (!extensions.isEmpty() && !extensions.contains(extension)) {
            return Optional.of(extension.isEmpty() ? "no file extension" : "extension '." + extension + "' is not a media source");
        }
        return Optional.empty();
    }

    /** Names applications write to before renaming the finished file into place, or that are no media at all. */
    static Optional<String> temporaryName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) return Optional.of("a hidden or temporary name '" + name + "' (rsync, macOS)");
        if (name.startsWith("~") || name.endsWith("~")) return Optional.of("a temporary name '" + name + "' (Office, editors)");
        if (TEMPORARY_EXTENSIONS.contains(extension(lower))) return Optional.of("a temporary name '" + name + "' (still being written)");
        if (SYSTEM_FILES.contains(lower)) return Optional.of("a system file '" + name + "'");
        return Optional.empty();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Set<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
