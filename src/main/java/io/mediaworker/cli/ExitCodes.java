package io.mediaworker.cli;

/** The exit-code table every --help shows (DESIGN.md is the source of truth). */
final class ExitCodes {
    static final String TABLE = "  0    done (or already done and verified)%n"
            + "  1    unexpected internal error%n"
            + "  2    usage error (bad flags, unknown asset)%n"
            + "  3    invalid input: not media, corrupt (see failed/<assetId>/)%n"
            + "  4    transient: storage, network, disk full, stalled ffmpeg (retry)%n"
            + "  5    QC failed: renditions quarantined in failed/<assetId>/%n"
            + "  143  terminated (SIGTERM)";

    private ExitCodes() {}
}
