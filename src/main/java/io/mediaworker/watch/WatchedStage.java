package io.mediaworker.watch;

import java.util.Set;

/** The stages that find their work in the content tree, and where each finds it. */
public enum WatchedStage {
    /** An asset in {@code ingest/} with no ladder yet: nothing in {@code transcode/}, {@code output/} or {@code failed/}. */
    TRANSCODE("transcode"),
    /**
     * A ladder in {@code transcode/} not yet in {@code output/}. A QC failure moves the ladder out of
     * {@code transcode/}, so an asset also in {@code failed/} here was transcoded again since, and
     * is judged again (a pass withdraws the old quarantine).
     */
    QC("qc"),
    /** An asset in {@code output/} whose manifest records no delivery to this destination. */
    DELIVER("deliver");

    public final String label;

    WatchedStage(String label) { this.label = label; }

    /** Whether {@code id} is this stage's work in {@code s}; {@code finished} holds ids delivered here (deliver only). */
    public boolean isDue(String id, ContentSnapshot s, Set<String> finished) {
        return switch (this) {
            case TRANSCODE -> s.ingest().contains(id) && !s.transcode().contains(id) && !s.output().contains(id) && !s.failed().contains(id);
            case QC -> s.transcode().contains(id) && !s.output().contains(id);
            case DELIVER -> s.output().contains(id) && !finished.contains(id);
        };
    }

    /** The folder this stage reads its input from. */
    io.mediaworker.content.ContentTree.Area inputArea() {
        return switch (this) {
            case TRANSCODE -> io.mediaworker.content.ContentTree.Area.INGEST;
            case QC -> io.mediaworker.content.ContentTree.Area.TRANSCODE;
            case DELIVER -> io.mediaworker.content.ContentTree.Area.OUTPUT;
        };
    }

    /** The ids this stage may look at: those in the folder it reads from. */
    Set<String> inputs(ContentSnapshot s) {
        return switch (this) {
            case TRANSCODE -> s.ingest();
            case QC -> s.transcode();
            case DELIVER -> s.output();
        };
    }
}
