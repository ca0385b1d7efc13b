package io.mediaworker.watch;

import java.util.Set;

/** The asset ids one poll found in each stage folder of the content tree. */
public record ContentSnapshot(Set<String> ingest, Set<String> transcode, Set<String> output, Set<String> failed) {
    public ContentSnapshot {
        ingest = Set.copyOf(ingest);
        transcode = Set.copyOf(transcode);
        output = Set.copyOf(output);
        failed = Set.copyOf(failed);
    }
}
