package io.mediaworker.aws.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.content.Json;
import io.mediaworker.model.ExitCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notification for an outcome, built without sending it: a JSON body (documented in the
 * README), a subject for e-mail subscribers and the message attributes subscribers filter on.
 */
public record PipelineMessage(String subject, String body, Map<String, String> attributes) {
    public static final int SCHEMA_VERSION = 1;
    /** SNS's limit on subjects (ASCII, no line breaks). */
    static final int MAX_SUBJECT = 100;

    public static PipelineMessage of(PipelineOutcome outcome) {
        String event = outcome.succeeded() ? "pipeline.succeeded" : "pipeline.failed";
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("schemaVersion", SCHEMA_VERSION);
        body.put("event", event);
        body.put("assetId", outcome.assetId().value());
        outcome.source().ifPresent(s -> body.put("source", s));
        body.put("status", outcome.state().name());
        body.put("stage", outcome.stage().id());
        body.put("jobId", outcome.jobId());
        body.put("jobName", outcome.jobName());
        body.put("attempts", outcome.attempts());
        outcome.exitCode().ifPresent(c -> body.put("exitCode", c));
        outcome.exitCode().flatMap(PipelineMessage::meaning).ifPresent(m -> body.put("exitMeaning", m));
        outcome.reason().ifPresent(r -> body.put("reason", r));
        outcome.destination().ifPresent(d -> body.put("destination", d));
        body.put("at", outcome.at().toString());

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("event", event);
        attributes.put("assetId", outcome.assetId().value());
        attributes.put("status", outcome.state().name());
        attributes.put("stage", outcome.stage().id());
        return new PipelineMessage(subject(outcome), body.toString(), attributes);
    }

    /** The exit-code table's words for a worker's code, so a reader needs no README at hand. */
    static Optional<String> meaning(int code) {
        for (ExitCode c : ExitCode.values()) {
            if (c.code() == code) return Optional.of(c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return Optional.empty();
    }

    private static String subject(PipelineOutcome outcome) {
        String text = outcome.succeeded()
                ? "media-worker: " + outcome.assetId().value() + " delivered"
                : "media-worker: " + outcome.assetId().value() + " failed at " + outcome.stage().id()
                        + outcome.exitCode().map(c -> " (exit " + c + ")").orElse("");
        String ascii = text.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_SUBJECT ? ascii : ascii.substring(0, MAX_SUBJECT);
    }
}
