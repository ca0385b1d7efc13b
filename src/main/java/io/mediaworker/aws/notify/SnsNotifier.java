package io.mediaworker.aws.notify;

import io.mediaworker.model.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** Publishes {@link Notification}s to one SNS topic. */
public final class SnsNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SnsNotifier.class);

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Returns the message id SNS assigned. */
    public String publish(Notification n) {
        try {
            String id = sns.publish(NotificationMessages.publish(topicArn, n)).messageId();
            LOG.info("notified {}: {} {} (message {})", topicArn, n.event(), n.assetId(), id);
            return id;
        } catch (SdkException e) {
            throw new TransientException("cannot publish to " + topicArn + ": " + e.getMessage(), e);
        }
    }
}
