package io.mediaworker.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one JSON object per log event, its {@code _aws} member
 * declaring which top-level fields are metrics (name and unit) under which namespace and
 * dimensions; every other top-level field is a searchable property. Pure: builds the ordered
 * object; the JSON log layout writes it as the log line. Dimensions stay low-cardinality (the
 * stage only); asset ids, encoders and verdicts are properties, never dimensions.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">the specification</a>
 */
public final class EmfFormat {
    public static final String DIMENSION = "Stage";

    /** CloudWatch unit names, spelled as CloudWatch spells them. */
    public enum Unit { Seconds, Bytes, None }

    public record Metric(String name, Unit unit, Number value) {}

    private EmfFormat() {}

    /**
     * The EMF object for one stage: {@code _aws} first, then the stage dimension, the metric
     * values and the properties, in the order given.
     */
    public static Map<String, Object> document(String namespace, String stage, Instant timestamp, List<Metric> metrics,
                                               Map<String, ?> properties) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.of(DIMENSION)));
        directive.put("Metrics", metrics.stream().map(m -> Map.of("Name", m.name(), "Unit", m.unit().name()))
                .map(EmfFormat::nameFirst).toList());
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", timestamp.toEpochMilli());
        aws.put("CloudWatchMetrics", List.of(directive));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_aws", aws);
        doc.put(DIMENSION, stage);
        for (Metric m : metrics) doc.put(m.name(), m.value());
        doc.putAll(properties);
        return doc;
    }

    private static Map<String, Object> nameFirst(Map<String, String> m) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("Name", m.get("Name"));
        ordered.put("Unit", m.get("Unit"));
        return ordered;
    }
}
