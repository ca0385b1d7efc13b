package io.mediaworker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void declaresEachMetricUnderTheStageDimensionAndPutsValuesAndPropertiesAtTheTop() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Encoder", "libx264");
        properties.put("assetId", "abc");

        Map<String, Object> doc = EmfFormat.document("MediaWorker", "transcode", Instant.ofEpochMilli(1_700_000_000_123L),
                List.of(new EmfFormat.Metric("DurationSeconds", EmfFormat.Unit.Seconds, 12.5),
                        new EmfFormat.Metric("RealtimeFactor", EmfFormat.Unit.None, 2.4),
                        new EmfFormat.Metric("BytesRead", EmfFormat.Unit.Bytes, 1024L)),
                properties);

        assertEquals("{\"_aws\":{\"Timestamp\":1700000000123,\"CloudWatchMetrics\":[{\"Namespace\":\"MediaWorker\","
                        + "\"Dimensions\":[[\"Stage\"]],\"Metrics\":[{\"Name\":\"DurationSeconds\",\"Unit\":\"Seconds\"},"
                        + "{\"Name\":\"RealtimeFactor\",\"Unit\":\"None\"},{\"Name\":\"BytesRead\",\"Unit\":\"Bytes\"}]}]},"
                        + "\"Stage\":\"transcode\",\"DurationSeconds\":12.5,\"RealtimeFactor\":2.4,\"BytesRead\":1024,"
                        + "\"Encoder\":\"libx264\",\"assetId\":\"abc\"}",
                JSON.writeValueAsString(doc));
    }

    @Test
    void noMetricsStillMakesAValidDirective() throws Exception {
        Map<String, Object> doc = EmfFormat.document("MediaWorker", "deliver", Instant.ofEpochMilli(5), List.of(), Map.of());
        assertEquals("{\"_aws\":{\"Timestamp\":5,\"CloudWatchMetrics\":[{\"Namespace\":\"MediaWorker\",\"Dimensions\":[[\"Stage\"]],"
                + "\"Metrics\":[]}]},\"Stage\":\"deliver\"}", JSON.writeValueAsString(doc));
    }
}
