package io.mediaworker.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stage's entry in the manifest: when and where it ran, with which tools, what it read and
 * wrote, and its own facts {@code F} (probe, plan, QC verdict, deliveries).
 */
public record StageRecord<F>(
        StageStatus status,
        Instant startedAt,
        Instant endedAt,
        int attempt,
        String host,
        ToolVersions tools,
        List<FileRecord> inputs,
        List<FileRecord> outputs,
        Optional<String> error,
        F facts) {

    public StageRecord {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        error = error == null ? Optional.empty() : error;
    }
}
