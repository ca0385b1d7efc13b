package io.mediaworker.qc;

import java.util.Optional;

/**
 * A policy rule a rendition broke: which rule, where in time (when the rule is about a run),
 * the measured value against the limit, and whether it is a warning or a failure (only failures gate).
 */
public record Finding(String rule, String rendition, Severity severity, Optional<Segment> range, double measured, double limit,
                      String message) {

    public enum Severity { WARNING, FAILURE }

    public Finding {
        range = range == null ? Optional.empty() : range;
    }
}
