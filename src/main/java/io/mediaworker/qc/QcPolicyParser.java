package io.mediaworker.qc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.mediaworker.model.UsageException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a QC policy file: any subset of {@link QcPolicy}'s fields, merged over the built-in
 * default field by field (so {@code {"loudness": {"target": -16}}} changes the target only).
 * Unknown fields are refused, so a typo is an error rather than a silently ignored rule.
 */
public final class QcPolicyParser {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private QcPolicyParser() {}

    public static QcPolicy parse(String json, String origin) {
        try {
            ObjectNode merged = JSON.valueToTree(QcPolicy.DEFAULT);
            JsonNode given = JSON.readTree(json);
            if (given == null || !given.isObject()) throw new UsageException("QC policy " + origin + " is not a JSON object");
            merge(merged, given, "");
            QcPolicy p = JSON.treeToValue(merged, QcPolicy.class);
            validate(p, origin);
            return p;
        } catch (JsonProcessingException e) {
            throw new UsageException("QC policy " + origin + " is not valid: " + io.mediaworker.content.Json.problem(e));
        }
    }

    /** Field-by-field merge; unknown top-level or nested names fail here with their path. */
    private static void merge(ObjectNode base, JsonNode given, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode current = base.get(e.getKey());
            boolean freeForm = path.equals("perRung") || e.getKey().equals("perRung");
            if (current == null && !freeForm) throw new UsageException("unknown QC policy field \"" + where + "\"");
            if (current != null && current.isObject() && e.getValue().isObject() && !e.getKey().equals("perRung")) {
                merge((ObjectNode) current, e.getValue(), where);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void validate(QcPolicy p, String origin) {
        if (p.edgeSeconds() < 0) throw new UsageException("QC policy " + origin + ": edgeSeconds must not be negative");
        if (p.durationToleranceSeconds() <= 0) throw new UsageException("QC policy " + origin + ": durationToleranceSeconds must be positive");
        for (QcPolicy.Threshold t : new QcPolicy.Threshold[] {p.blackSeconds(), p.freezeSeconds(), p.silenceSeconds(), p.truePeakDbtp(), p.interlacedRatio()}) {
            if (t.warn() > t.fail()) throw new UsageException("QC policy " + origin + ": a warning level is above its failure level (" + t + ")");
        }
        for (QcPolicy.Floor f : new QcPolicy.Floor[] {p.ssim(), p.psnr(), p.vmaf()}) {
            if (f.warn() < f.fail()) throw new UsageException("QC policy " + origin + ": a warning floor is below its failure floor (" + f + ")");
        }
        if (p.loudness().failBelow() >= p.loudness().failAbove()) throw new UsageException("QC policy " + origin + ": loudness failBelow must be under failAbove");
    }
}
