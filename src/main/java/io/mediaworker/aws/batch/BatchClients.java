package io.mediaworker.aws.batch;

import io.mediaworker.model.UsageException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
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
        try {
            return builder.build();
        } catch (SdkClientException e) {
            // Typically no region anywhere in the chain: a setup problem the user fixes, not a crash.
            String message = String.valueOf(e.getMessage());
            throw new UsageException(message.contains("Unable to load region")
                    ? "no AWS region: set AWS_REGION, or a region in the AWS profile in use"
                    : "cannot set up the AWS Batch client: " + message);
        }
    }
}
