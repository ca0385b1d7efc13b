package io.mediaworker.manifest;

import io.mediaworker.qc.RenditionMetrics;
import java.util.List;

/**
 * The QC verdict with its reasons and the headline numbers per rendition (SSIM, PSNR, VMAF,
 * loudness, true peak, black/frozen/silent seconds); qc.json holds every check and finding in full.
 */
public record QcFacts(String verdict, int failedChecks, List<String> failures, List<String> warnings, List<RenditionMetrics> metrics) {

    public QcFacts {
        failures = List.copyOf(failures);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    public QcFacts(String verdict, int failedChecks, List<String> failures) {
        this(verdict, failedChecks, failures, List.of(), List.of());
    }
}
