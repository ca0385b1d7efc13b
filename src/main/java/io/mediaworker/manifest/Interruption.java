package io.mediaworker.manifest;

import java.time.Instant;

/** A stage run that was stopped by SIGTERM before it finished; the stage's own record stays as it was. */
public record Interruption(String stage, Instant startedAt, Instant interruptedAt, int attempt, String host, String reason) {}
