package io.mediaworker.manifest;

import java.util.Optional;

/** One run of the ladder: on which path, with which encoder(s), and how it ended. */
public record EncodeAttempt(String path, String encoder, String outcome, Optional<String> failure, double elapsedSeconds) {

    public EncodeAttempt {
        failure = failure == null ? Optional.empty() : failure;
    }
}
