package io.mediaworker.manifest;

import java.util.List;

/** The QC verdict and each check's outcome (qc.json holds the same, in full). */
public record QcFacts(String verdict, int failedChecks, List<String> failures) {
}
