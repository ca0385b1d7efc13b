package io.mediaworker.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Names uploaders give a file while it is still arriving, which {@code ingest --watch} never
 * takes: hidden files (rsync's {@code .name.XXXXXX}, macOS {@code ._name}), Office and editor
 * temporaries ({@code ~$name}, {@code name~}), browser and transfer-client partials, and system
 * files. Those tools rename the file to its real name when it is complete. One rule for the
 * watched drop folder and for S3 keys (the Lambda's {@code SourceKeyPolicy}).
 */
public final class UploadNames {
    private static final Set<String> TEMPORARY_EXTENSIONS = Set.of("tmp", "temp", "part", "partial", "crdownload", "download",
            "swp", "swx", "filepart", "upload", "lock", "inprogress", "!ut");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    private UploadNames() {}

    public static boolean isTemporary(String fileName) {
        return whyTemporary(fileName).isPresent();
    }

    /** Why this name is one to leave alone, in words for a log line; empty for a name to take. */
    public static Optional<String> whyTemporary(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return Optional.of("an empty name");
        if (n.startsWith(".")) return Optional.of("a hidden or temporary name '" + fileName + "' (rsync, macOS)");
        if (n.startsWith("~") || n.endsWith("~")) return Optional.of("a temporary name '" + fileName + "' (Office, editors)");
        int dot = n.lastIndexOf('.');
        if (dot > 0 && TEMPORARY_EXTENSIONS.contains(n.substring(dot + 1))) return Optional.of("a temporary name '" + fileName + "' (still being written)");
        if (SYSTEM_FILES.contains(n)) return Optional.of("a system file '" + fileName + "'");
        return Optional.empty();
    }
}
