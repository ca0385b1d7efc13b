package io.mediaworker.aws;

import io.mediaworker.model.UsageException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few AWS settings that are ours, read once from the environment. Credentials and region are
 * not here: they come from the SDK's default chains. Endpoints follow the SDK's own variables
 * ({@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}); reading them here too lets an
 * in-process caller pass them in a map and keeps the choice visible in one place.
 *
 * @param pathStyle            {@code MEDIA_S3_PATH_STYLE=true}: bucket in the path, as most S3-compatible stores need
 * @param multipartThreshold   {@code MEDIA_S3_MULTIPART_THRESHOLD}: files at least this large go up in parts (default 16 MiB)
 * @param partSize             {@code MEDIA_S3_PART_SIZE}: the part size (default 16 MiB; S3 wants at least 5 MiB but the last)
 * @param multipartChecksum    {@code MEDIA_S3_MULTIPART_CHECKSUM}: how a multipart upload is checksummed (default full-object)
 */
public record AwsSettings(Map<String, String> env, boolean pathStyle, long multipartThreshold, long partSize,
                          MultipartChecksum multipartChecksum) {
    public static final long DEFAULT_PART = 16L << 20;

    /**
     * {@code FULL_OBJECT}: one CRC32C of the whole file, which S3 checks on completion (AWS S3).
     * {@code COMPOSITE}: a CRC32C per part, checked by the store on each part, and the object's
     * checksum of those checksums, checked here; for stores without full-object multipart checksums.
     */
    public enum MultipartChecksum { FULL_OBJECT, COMPOSITE }

    public static AwsSettings fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("MEDIA_S3_MULTIPART_CHECKSUM", "full-object").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        MultipartChecksum checksum;
        try {
            checksum = MultipartChecksum.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new UsageException("MEDIA_S3_MULTIPART_CHECKSUM must be full-object or composite, not '"
                    + env.get("MEDIA_S3_MULTIPART_CHECKSUM") + "'");
        }
        return new AwsSettings(Map.copyOf(env),
                Boolean.parseBoolean(env.getOrDefault("MEDIA_S3_PATH_STYLE", "false").trim()),
                bytes(env, "MEDIA_S3_MULTIPART_THRESHOLD", DEFAULT_PART),
                bytes(env, "MEDIA_S3_PART_SIZE", DEFAULT_PART),
                checksum);
    }

    /** The endpoint for one service (its SDK service id in upper case: S3, DYNAMODB, SNS), if overridden. */
    public Optional<URI> endpoint(String service) {
        String url = Optional.ofNullable(env.get("AWS_ENDPOINT_URL_" + service)).filter(s -> !s.isBlank())
                .orElse(env.get("AWS_ENDPOINT_URL"));
        if (url == null || url.isBlank()) return Optional.empty();
        try {
            return Optional.of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid endpoint URL for " + service + ": " + url);
        }
    }

    /** A size in bytes, with an optional K, M or G (binary) suffix: {@code 8M}, {@code 65536}. */
    static long bytes(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        String v = raw.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        int shift = switch (v.charAt(v.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1));
            if (n <= 0) throw new NumberFormatException();
            return n << shift;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a positive size such as 16M or 65536, not '" + raw + "'");
        }
    }
}
