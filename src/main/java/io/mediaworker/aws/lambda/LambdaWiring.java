package io.mediaworker.aws.lambda;

import io.mediaworker.aws.batch.BatchClients;
import io.mediaworker.aws.batch.BatchJobSubmitter;
import io.mediaworker.aws.batch.PipelineNotifier;
import io.mediaworker.aws.batch.PipelineRegistryProvider;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.aws.batch.PipelineSubmission;
import io.mediaworker.aws.batch.SnsPipelineNotifier;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What the handlers' no-argument constructors (the ones Lambda calls, once per instance) build
 * from the function's environment. Clients take region and credentials from the SDK's default
 * chains (the function's role); endpoints from AWS_ENDPOINT_URL_BATCH / _SNS when set.
 */
final class LambdaWiring {
    /** The SNS topic ARN for pipeline notifications; none set, none sent. */
    static final String NOTIFY_TOPIC = "MEDIA_NOTIFY_TOPIC";

    private LambdaWiring() {}

    static PipelineSubmission submission(Map<String, String> env) {
        return new PipelineSubmission(PipelineSettings.fromEnvironment(env), PipelineRegistryProvider.load(env),
                new BatchJobSubmitter(BatchClients.create(Optional.empty())), Clock.systemUTC());
    }

    static PipelineNotifier notifier(Map<String, String> env) {
        String topic = env.getOrDefault(NOTIFY_TOPIC, "");
        return topic.isBlank() ? PipelineNotifier.NONE : new SnsPipelineNotifier(SnsClient.create(), topic);
    }
}
