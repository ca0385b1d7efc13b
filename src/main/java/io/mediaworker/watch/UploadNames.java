package io.mediaworker.watch;

import java.util.Locale;
import java.util.Set;

/**
 * Names uploaders give a file while it is still arriving, which {@code ingest --watch} never
 * takes: hidden files (rsync's {@code .name.XXXXXX}, macOS {@code ._name}), Office and editor
 * temporaries ({@code ~$name}, {@code name~}), browser and transfer-client partials, and system
 * files. Those tools rename the file to its real name when it is complete. The same rule as the
 * Lambda's {@code SourceKeyPolicy} uses for S3 keys, plus uTorrent's {@code .!ut}.
 */
public final class UploadNames {
    private static final Set<String> TEMPORARY_EXTENSIONS = Set.of("tmp", "temp", "part", "partial", "crdownload", "download",
            "swp", "swx", "filepart", "upload", "lock", "inprogress", "!ut");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    private UploadNames() {}

    public static boolean isTemporary(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.startsWith(".") || n.startsWith("~") || n.endsWith("~")) return true;
        int dot = n.lastIndexOf('.');
        return dot > 0 && TEMPORARY_EXTENSIONS.contains(n.substring(dot + 1)) || SYSTEM_FILES.contains(n);
    }
}
