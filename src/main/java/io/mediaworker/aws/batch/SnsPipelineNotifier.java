package io.mediaworker.aws.batch;

import io.mediaworker.model.TransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** {@link PipelineNotifier} that publishes {@link PipelineMessage}s to one SNS topic. */
public final class SnsPipelineNotifier implements PipelineNotifier {
    private final SnsClient sns;
    private final String topicArn;

    public SnsPipelineNotifier(SnsClient sns, String topicArn) {
        if (!topicArn.startsWith("arn:")) throw new IllegalArgumentException("not a topic ARN: " + topicArn);
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void notify(PipelineOutcome outcome) {
        PipelineMessage message = PipelineMessage.of(outcome);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) ->
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        try {
            sns.publish(PublishRequest.builder().topicArn(topicArn).subject(message.subject()).message(message.body())
                    .messageAttributes(attributes).build());
        } catch (SdkException e) {
            throw new TransientException("SNS did not take the notification for " + outcome.assetId() + " (" + topicArn + "): " + e.getMessage(), e);
        }
    }
}
