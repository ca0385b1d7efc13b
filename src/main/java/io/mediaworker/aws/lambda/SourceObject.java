package io.mediaworker.aws.lambda;

import io.mediaworker.aws.batch.PipelineSource;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One object an event says was written, as the event tells it (the key already decoded).
 *
 * @param revision what tells this upload from another to the same key: the version id, else the
 *     ETag (S3), or the gateway's modification time
 * @param origin which kind of event named it
 */
public record SourceObject(String bucket, String key, Optional<String> revision, OptionalLong size, Origin origin, String eventName) {
    /** The event shapes the source handler reads. */
    public enum Origin {
        /** S3's own notification ({@code Records[]}), delivered to Lambda directly. */
        S3_NOTIFICATION,
        /** S3's "Object Created" event through EventBridge. */
        S3_EVENTBRIDGE,
        /** A file gateway's "Storage Gateway Object Upload Event" through EventBridge. */
        STORAGE_GATEWAY
    }

    public PipelineSource pipelineSource() { return PipelineSource.s3(bucket, key, revision); }

    public String location() { return "s3://" + bucket + "/" + key; }
}
