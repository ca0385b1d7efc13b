package io.mediaworker;

/** Placeholder; see Main. */
public final class LocaleRelaunch {
    public static final String ARGV_VARIABLE = "MEDIA_WORKER_ARGV";
    private LocaleRelaunch() {}
}
