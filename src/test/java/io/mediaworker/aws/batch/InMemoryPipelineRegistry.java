package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The status table's pipeline logic in memory, for tests of what submits and what notifies (the
 * DynamoDB table cannot run here). Synchronized: the conditional write of the real one is atomic.
 */
public final class InMemoryPipelineRegistry implements PipelineRegistry {
    private final Map<AssetId, PipelineState> states = new HashMap<>();
    private final Map<AssetId, List<SubmittedJob>> submitted = new HashMap<>();
    private final List<PipelineClaim> claims = new ArrayList<>();
    private final List<JobStateChange> changes = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<AssetId, String> released = new HashMap<>();

    @Override
    public synchronized boolean startIfIdle(PipelineClaim claim) {
        if (states.get(claim.assetId()) == PipelineState.RUNNING) return false;
        states.put(claim.assetId(), PipelineState.RUNNING);
        claims.add(claim);
        return true;
    }

    @Override
    public synchronized void recordSubmitted(AssetId assetId, List<SubmittedJob> jobs) { submitted.put(assetId, List.copyOf(jobs)); }

    @Override
    public synchronized void release(AssetId assetId, String reason) {
        states.put(assetId, PipelineState.FAILED);
        released.put(assetId, reason);
    }

    @Override
    public synchronized boolean recordJobState(JobStateChange change) {
        if (!seen.add(change.jobId() + "/" + change.status())) return false;
        changes.add(change);
        if (change.pipeline() != PipelineState.RUNNING) states.put(change.assetId(), change.pipeline());
        return true;
    }

    public synchronized Optional<PipelineState> state(AssetId id) { return Optional.ofNullable(states.get(id)); }
    public synchronized List<PipelineClaim> claims() { return List.copyOf(claims); }
    public synchronized List<SubmittedJob> submitted(AssetId id) { return submitted.getOrDefault(id, List.of()); }
    public synchronized List<JobStateChange> changes() { return List.copyOf(changes); }
    public synchronized Optional<String> released(AssetId id) { return Optional.ofNullable(released.get(id)); }
}
