package io.mediaworker.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The one place AWS clients are built, each on first use and closed together. Region and
 * credentials come from the SDK's default provider chains (environment, profile, container or
 * instance role); the endpoint may be overridden per service ({@link AwsSettings#endpoint}).
 * S3 uses the SDK's pure-Java multipart client (parallel parts, no native CRT). Thread-safe.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final List<ExecutionInterceptor> interceptors;
    private final List<AutoCloseable> open = new ArrayList<>();
    private S3AsyncClient s3;
    private S3TransferManager transfers;
    private DynamoDbClient dynamoDb;
    private SnsClient sns;

    public AwsClients(AwsSettings settings) {
        this(settings, List.of());
    }

    /** With interceptors that see every request as sent (tests check the wire with them). */
    public AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
    }

    public static AwsClients fromEnvironment(Map<String, String> env) {
        return new AwsClients(AwsSettings.fromEnvironment(env));
    }

    public AwsSettings settings() { return settings; }

    public synchronized S3AsyncClient s3() {
        if (s3 == null) {
            s3 = keep(endpoint(S3AsyncClient.builder(), "S3")
                    .forcePathStyle(settings.pathStyle())
                    .multipartEnabled(true)
                    .multipartConfiguration(MultipartConfiguration.builder()
                            .thresholdInBytes(settings.multipartThreshold())
                            .minimumPartSizeInBytes(settings.partSize())
                            .build())
                    .build());
        }
        return s3;
    }

    public synchronized S3TransferManager transfers() {
        if (transfers == null) transfers = keep(S3TransferManager.builder().s3Client(s3()).build());
        return transfers;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) dynamoDb = keep(endpoint(DynamoDbClient.builder(), "DYNAMODB").build());
        return dynamoDb;
    }

    public synchronized SnsClient sns() {
        if (sns == null) sns = keep(endpoint(SnsClient.builder(), "SNS").build());
        return sns;
    }

    private <B extends SdkClientBuilder<B, ?>> B endpoint(B builder, String service) {
        settings.endpoint(service).ifPresent(builder::endpointOverride);
        if (!interceptors.isEmpty()) {
            ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder();
            interceptors.forEach(config::addExecutionInterceptor);
            builder.overrideConfiguration(config.build());
        }
        return builder;
    }

    private <T extends AutoCloseable> T keep(T client) {
        open.add(0, client); // closed newest first: the transfer manager before its S3 client
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort at the end of a process
            }
        }
        open.clear();
        s3 = null;
        transfers = null;
        dynamoDb = null;
        sns = null;
    }
}
