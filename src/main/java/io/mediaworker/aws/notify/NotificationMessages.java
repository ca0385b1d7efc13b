package io.mediaworker.aws.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.content.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** A {@link Notification} as an SNS Publish request: the JSON body and the attributes subscriptions filter on. */
public final class NotificationMessages {
    public static final String SCHEMA = "media-worker.notification/1";

    private NotificationMessages() {}

    public static PublishRequest publish(String topicArn, Notification n) {
        return PublishRequest.builder().topicArn(topicArn).subject(subject(n)).message(body(n)).messageAttributes(attributes(n)).build();
    }

    public static String body(Notification n) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("event", n.event().name());
        if (n.assetId().isEmpty()) o.putNull("assetId"); // ingest failed before the bytes named the asset
        else o.put("assetId", n.assetId());
        n.source().ifPresent(s -> o.put("source", s));
        o.put("stage", n.stage());
        o.put("attempt", n.attempt());
        o.put("at", n.at().toString());
        ArrayNode outputs = o.putArray("outputs");
        n.outputs().forEach(outputs::add);
        n.qcVerdict().ifPresentOrElse(v -> o.put("qcVerdict", v), () -> o.putNull("qcVerdict"));
        n.failureReason().ifPresentOrElse(v -> o.put("failureReason", v), () -> o.putNull("failureReason"));
        n.exitCode().ifPresentOrElse(v -> o.put("exitCode", v), () -> o.putNull("exitCode"));
        if (n.event() == Notification.Event.FAILED) o.put("retryable", n.retryable());
        return o.toString();
    }

    /** event, assetId and stage always; qcVerdict when known; exitCode (a Number) and retryable on failure. */
    public static Map<String, MessageAttributeValue> attributes(Notification n) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("event", text(n.event().name()));
        if (!n.assetId().isEmpty()) a.put("assetId", text(n.assetId()));
        a.put("stage", text(n.stage()));
        n.qcVerdict().ifPresent(v -> a.put("qcVerdict", text(v)));
        n.exitCode().ifPresent(c -> a.put("exitCode", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(c)).build()));
        if (n.event() == Notification.Event.FAILED) a.put("retryable", text(Boolean.toString(n.retryable())));
        return a;
    }

    private static String subject(Notification n) {
        // SNS subjects: at most 100 printable ASCII characters, for email subscriptions.
        String s = "media-worker: " + n.assetId() + " " + (n.event() == Notification.Event.COMPLETED ? "delivered" : "failed at " + n.stage());
        return s.replaceAll("[^\\x20-\\x7e]", "?").substring(0, Math.min(100, s.length()));
    }

    private static MessageAttributeValue text(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }
}
