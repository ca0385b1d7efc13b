package io.mediaworker.aws.status;

import io.mediaworker.aws.batch.JobStateChange;
import io.mediaworker.aws.batch.PipelineClaim;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.aws.batch.SubmittedJob;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The asset status table in DynamoDB: one item per asset, written only by conditional updates
 * ({@link StatusRequests}). It is both what the worker records each stage in and the
 * {@link PipelineRegistry} that submission and the Batch event handler share.
 */
public final class DynamoStatusTable implements PipelineRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoStatusTable.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final StatusRequests requests;
    private final Clock clock;

    public DynamoStatusTable(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.requests = new StatusRequests(table);
        this.clock = clock;
    }

    public String table() { return table; }

    /**
     * A stage's state as the worker itself saw it, with its facts. False when the item already
     * records something later (a late or duplicated update): nothing is changed then.
     */
    public boolean record(StatusUpdate update) {
        return apply(requests.stage(update, true, Optional.empty(), false), "record " + update.stage().id() + " " + update.state());
    }

    @Override
    public boolean startIfIdle(PipelineClaim claim) {
        return apply(requests.claim(claim), "claim " + claim.assetId());
    }

    @Override
    public void recordSubmitted(AssetId assetId, List<SubmittedJob> jobs) {
        if (!apply(requests.submitted(assetId, jobs, clock.instant()), "record the jobs of " + assetId)) {
            LOG.warn("the jobs of {} were not recorded: its pipeline is no longer the running one", assetId);
        }
    }

    @Override
    public void release(AssetId assetId, String reason) {
        apply(requests.release(assetId, reason, clock.instant()), "release " + assetId);
    }

    @Override
    public boolean recordJobState(JobStateChange change) {
        StageState state = StageState.ofBatchStatus(change.status());
        if (state == StageState.SUCCEEDED && change.stage().isLast()) state = StageState.DELIVERED;
        StatusUpdate u = StatusUpdate.of(change.assetId(), change.stage(), state, Math.max(1, change.attempts()), change.at())
                .withJobId(change.jobId());
        if (state == StageState.FAILED) u = u.withFailure(change.statusReason(), change.exitCode());
        Optional<PipelineState> ends = change.pipeline() == PipelineState.RUNNING ? Optional.empty() : Optional.of(change.pipeline());
        return apply(requests.stage(u, false, ends, true), "record job " + change.jobId() + " " + change.status());
    }

    /** True when DynamoDB applied the update, false when its condition refused it. */
    private boolean apply(UpdateItemRequest request, String what) {
        try {
            dynamoDb.updateItem(request);
            return true;
        } catch (ConditionalCheckFailedException e) {
            LOG.debug("status table {}: {} refused by its condition (stale or duplicate)", table, what);
            return false;
        } catch (ResourceNotFoundException e) {
            throw new UsageException("status table " + table + " does not exist (see README, \"Status table\"; scripts/create-status-table)");
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            if (status == 400 || status == 403) {
                throw new UsageException("status table " + table + ": cannot " + what + ": " + e.awsErrorDetails().errorMessage());
            }
            throw new TransientException("status table " + table + ": cannot " + what + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new TransientException("status table " + table + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
