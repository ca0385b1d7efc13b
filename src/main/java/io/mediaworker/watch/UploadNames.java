package io.mediaworker.watch;

import java.util.List;
import java.util.Locale;

/**
 * Names uploaders give a file while it is still arriving, which {@code ingest --watch} never
 * takes: hidden files (rsync's {@code .name.XXXXXX}, macOS {@code ._name}, editors' swap files),
 * browser and FTP client partials, and backup copies. The final rename to the real name is what
 * announces a finished upload for these tools; a name not on the list waits for the settle time.
 */
public final class UploadNames {
    private static final List<String> TEMP_SUFFIXES = List.of(
            ".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", ".!ut", ".upload",
            ".swp", ".lock", "~");
    private static final List<String> TEMP_PREFIXES = List.of(".", "~$", "_tmp");

    private UploadNames() {}

    public static boolean isTemporary(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return true;
        for (String p : TEMP_PREFIXES) if (n.startsWith(p)) return true;
        for (String s : TEMP_SUFFIXES) if (n.endsWith(s)) return true;
        return false;
    }
}
