package io.mediaworker.aws.batch;

/**
 * Tells people (or other systems) that an asset's pipeline ended. The real one publishes to SNS
 * ({@link SnsPipelineNotifier}); {@link #NONE} is for deployments without a topic.
 */
public interface PipelineNotifier {
    PipelineNotifier NONE = outcome -> {};

    /** Sends one message for the outcome; throws when it could not be sent. */
    void notify(PipelineOutcome outcome);
}
