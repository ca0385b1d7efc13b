package io.mediaworker.qc;

import java.util.List;

/** The verdict over all renditions and every check behind it; written as {@code qc.json}. */
public record QcReport(String assetId, Verdict verdict, double durationToleranceSeconds, List<QcCheck> checks) {

    public enum Verdict { PASS, FAIL }

    public QcReport {
        checks = List.copyOf(checks);
    }

    public List<QcCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
