package io.mediaworker.aws.status;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistryProvider;
import io.mediaworker.model.UsageException;
import java.time.Clock;
import java.util.Map;

/** Registers {@link DynamoStatusTable} for {@link PipelineRegistryProvider#load}: the table named by {@code MEDIA_STATUS_TABLE}. */
public final class DynamoStatusTableProvider implements PipelineRegistryProvider {
    public static final String TABLE_ENV = "MEDIA_STATUS_TABLE";

    @Override
    public PipelineRegistry create(Map<String, String> env) {
        String table = env.get(TABLE_ENV);
        if (table == null || table.isBlank()) {
            throw new UsageException(TABLE_ENV + " is not set: the status table decides whether a pipeline may start");
        }
        // The clients live as long as the process (a Lambda instance reuses them across events).
        return new DynamoStatusTable(AwsClients.fromEnvironment(env).dynamoDb(), table.trim(), Clock.systemUTC());
    }
}
