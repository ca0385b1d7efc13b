package io.mediaworker.aws.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.content.Json;
import io.mediaworker.model.ExitCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * A {@link Notification} as an SNS Publish request. The body and the String attributes
 * {@code event}, {@code assetId}, {@code status}, {@code stage} match the event handler's message
 * (schema version 1), so one subscription filter serves both; {@code sender} = {@code worker} tells
 * them apart.
 */
public final class NotificationMessages {
    public static final int SCHEMA_VERSION = 1;
    public static final String SENDER = "worker";

    private NotificationMessages() {}

    public static PublishRequest publish(String topicArn, Notification n) {
        return PublishRequest.builder().topicArn(topicArn).subject(subject(n)).message(body(n)).messageAttributes(attributes(n)).build();
    }

    public static String event(Notification n) {
        return n.event() == Notification.Event.SUCCEEDED ? "pipeline.succeeded" : "pipeline.failed";
    }

    public static String body(Notification n) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("event", event(n));
        if (n.assetId().isEmpty()) o.putNull("assetId"); // ingest failed before the bytes named the asset
        else o.put("assetId", n.assetId());
        n.source().ifPresent(s -> o.put("source", s));
        o.put("status", n.event().name());
        o.put("stage", n.stage());
        o.put("attempts", n.attempt());
        Optional<Integer> exit = n.event() == Notification.Event.SUCCEEDED ? Optional.of(0) : n.exitCode();
        exit.ifPresent(c -> o.put("exitCode", c));
        exit.flatMap(NotificationMessages::meaning).ifPresent(m -> o.put("exitMeaning", m));
        n.failureReason().ifPresent(r -> o.put("reason", r));
        n.destination().ifPresent(d -> o.put("destination", d));
        o.put("at", n.at().toString());
        o.put("sender", SENDER);
        ArrayNode outputs = o.putArray("outputs");
        n.outputs().forEach(outputs::add);
        n.qcVerdict().ifPresent(v -> o.put("qcVerdict", v));
        if (n.event() == Notification.Event.FAILED) o.put("retryable", n.retryable());
        return o.toString();
    }

    /**
     * {@code event}, {@code assetId} (when known), {@code status}, {@code stage}, {@code sender};
     * {@code qcVerdict} when known; on failure {@code exitCode} (a Number) and {@code retryable}.
     */
    public static Map<String, MessageAttributeValue> attributes(Notification n) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("event", text(event(n)));
        if (!n.assetId().isEmpty()) a.put("assetId", text(n.assetId()));
        a.put("status", text(n.event().name()));
        a.put("stage", text(n.stage()));
        a.put("sender", text(SENDER));
        n.qcVerdict().ifPresent(v -> a.put("qcVerdict", text(v)));
        if (n.event() == Notification.Event.FAILED) {
            n.exitCode().ifPresent(c -> a.put("exitCode", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(c)).build()));
            a.put("retryable", text(Boolean.toString(n.retryable())));
        }
        return a;
    }

    private static Optional<String> meaning(int code) {
        for (ExitCode c : ExitCode.values()) {
            if (c.code() == code) return Optional.of(c.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return Optional.empty();
    }

    private static String subject(Notification n) {
        // SNS subjects: at most 100 printable ASCII characters (e-mail subscriptions show them).
        String s = n.event() == Notification.Event.SUCCEEDED
                ? "media-worker: " + n.assetId() + " delivered"
                : "media-worker: " + (n.assetId().isEmpty() ? "(no asset id)" : n.assetId()) + " failed at " + n.stage()
                        + n.exitCode().map(c -> " (exit " + c + ")").orElse("");
        String ascii = s.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.substring(0, Math.min(100, ascii.length()));
    }

    private static MessageAttributeValue text(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }
}
