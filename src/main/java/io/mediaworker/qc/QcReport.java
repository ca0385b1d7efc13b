package io.mediaworker.qc;

import java.util.List;
import java.util.Optional;

/** The verdict over all renditions, every check and finding behind it, and the headline numbers; written as {@code qc.json}. */
public record QcReport(String assetId, Verdict verdict, double durationToleranceSeconds, List<QcCheck> checks,
                       List<Finding> findings, List<RenditionMetrics> metrics, Optional<QcPolicy> policy) {

    public enum Verdict { PASS, FAIL }

    public QcReport {
        checks = List.copyOf(checks);
        findings = findings == null ? List.of() : List.copyOf(findings);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        policy = policy == null ? Optional.empty() : policy;
    }

    /** The structural checks alone, before content analysis. */
    public QcReport(String assetId, Verdict verdict, double durationToleranceSeconds, List<QcCheck> checks) {
        this(assetId, verdict, durationToleranceSeconds, checks, List.of(), List.of(), Optional.empty());
    }

    /** This report with the content findings added; any failure finding fails the verdict. */
    public QcReport withAnalysis(List<Finding> found, List<RenditionMetrics> measured, QcPolicy usedPolicy) {
        boolean failed = verdict == Verdict.FAIL || found.stream().anyMatch(f -> f.severity() == Finding.Severity.FAILURE);
        return new QcReport(assetId, failed ? Verdict.FAIL : Verdict.PASS, durationToleranceSeconds, checks, found, measured,
                Optional.of(usedPolicy));
    }

    public List<QcCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** Every reason to fail, checks and findings alike, one line each. */
    public List<String> failureLines() {
        List<String> lines = new java.util.ArrayList<>(failures().stream().map(QcCheck::describe).toList());
        findings.stream().filter(f -> f.severity() == Finding.Severity.FAILURE).forEach(f -> lines.add(f.rendition() + ": " + f.message()));
        return lines;
    }

    public List<String> warningLines() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).map(f -> f.rendition() + ": " + f.message()).toList();
    }
}
