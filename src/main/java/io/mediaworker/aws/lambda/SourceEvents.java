package io.mediaworker.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.aws.lambda.SourceObject.Origin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the objects an event names from the JSON shapes AWS documents: an S3 event notification
 * (one or more {@code Records}), S3's "Object Created" through EventBridge, and a file gateway's
 * "Storage Gateway Object Upload Event". Pure: JSON in, objects out. Events that do not say an
 * object was created (a removal, another detail-type) name none.
 */
public final class SourceEvents {
    static final String GATEWAY_UPLOAD = "Storage Gateway Object Upload Event";
    static final String S3_CREATED = "Object Created";

    private SourceEvents() {}

    public static List<SourceObject> objects(JsonNode event) {
        if (event.has("Records")) return notificationRecords(event.path("Records"));
        String detailType = event.path("detail-type").asText("");
        JsonNode detail = event.path("detail");
        if (detailType.equals(S3_CREATED) && event.path("source").asText().equals("aws.s3")) return List.of(eventBridgeS3(detail));
        if (detailType.equals(GATEWAY_UPLOAD) && event.path("source").asText().equals("aws.storagegateway")) {
            return detail.path("event-type").asText().equals("object-upload-complete") ? List.of(gateway(detail)) : List.of();
        }
        if (detailType.isEmpty()) throw new IllegalArgumentException("not an S3 notification or EventBridge event: no Records and no detail-type");
        return List.of();
    }

    private static List<SourceObject> notificationRecords(JsonNode records) {
        List<SourceObject> objects = new ArrayList<>();
        for (JsonNode r : records) {
            String name = r.path("eventName").asText("");
            if (!r.path("eventSource").asText().equals("aws:s3") || !name.startsWith("ObjectCreated:")) continue;
            JsonNode object = r.path("s3").path("object");
            objects.add(new SourceObject(required(r.path("s3").path("bucket"), "name"), decodeKey(required(object, "key")),
                    revision(object.path("versionId"), object.path("eTag")), size(object.path("size")), Origin.S3_NOTIFICATION, name));
        }
        return objects;
    }

    private static SourceObject eventBridgeS3(JsonNode detail) {
        JsonNode object = detail.path("object");
        // EventBridge hands the key as written; only S3's own notification form-encodes it.
        return new SourceObject(required(detail.path("bucket"), "name"), required(object, "key"),
                revision(object.path("version-id"), object.path("etag")), size(object.path("size")), Origin.S3_EVENTBRIDGE,
                "Object Created:" + detail.path("reason").asText("?"));
    }

    private static SourceObject gateway(JsonNode detail) {
        // The gateway names no version or ETag; the file's modification time tells a rewrite from a repeat.
        return new SourceObject(required(detail, "bucket-name"), required(detail, "object-key"),
                text(detail.path("modification-time")), size(detail.path("object-size")), Origin.STORAGE_GATEWAY, "object-upload-complete");
    }

    /** S3 notifications form-encode the key: a space arrives as '+', other bytes as %XX of their UTF-8. */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static Optional<String> revision(JsonNode versionId, JsonNode etag) {
        return text(versionId).or(() -> text(etag));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() && !node.asText().equals("null") ? Optional.of(node.asText()) : Optional.empty();
    }

    private static OptionalLong size(JsonNode node) {
        if (node.isNumber()) return OptionalLong.of(node.asLong());
        if (node.isTextual() && node.asText().matches("\\d{1,19}")) return OptionalLong.of(Long.parseLong(node.asText()));
        return OptionalLong.empty();
    }

    private static String required(JsonNode parent, String field) {
        String value = parent.path(field).asText("");
        if (value.isEmpty()) throw new IllegalArgumentException("event without " + field);
        return value;
    }
}
