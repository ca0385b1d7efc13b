package io.mediaworker.aws.batch;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.BatchClientBuilder;

/**
 * The Batch client: region and credentials from the SDK's default chains (environment, profile,
 * container or instance role), never from our own configuration. The endpoint can be overridden by
 * the flag, or by the SDK's own AWS_ENDPOINT_URL_BATCH / AWS_ENDPOINT_URL.
 */
public final class BatchClients {
    private BatchClients() {}

    public static BatchClient create(Optional<URI> endpoint) {
        BatchClientBuilder builder = BatchClient.builder();
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
