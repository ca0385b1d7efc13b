package io.mediaworker.aws.status;

import io.mediaworker.aws.batch.PipelineClaim;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.batch.PipelineState;
import io.mediaworker.aws.batch.SubmittedJob;
import io.mediaworker.model.AssetId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The status table's writes as DynamoDB requests, built without any I/O. Every write is one
 * conditional UpdateItem on the asset's item, so two workers, a retried job and a late or
 * duplicated Batch event can race freely: the condition, checked by DynamoDB atomically, decides.
 * The layout is in README.md ("Status table").
 */
public final class StatusRequests {
    public static final String KEY = "assetId";
    static final List<String> FACTS = List.of("encoder", "qcVerdict", "outputs", "failureReason", "exitCode", "jobs");

    private final String table;

    public StatusRequests(String table) {
        this.table = table;
    }

    /**
     * A stage's new state. Accepted when nothing later is recorded: the item's {@code progress} is
     * not ahead of the update's ({@code acceptEqual}: the worker may add its facts to a state a
     * Batch event already recorded; events themselves need to be strictly newer, so a redelivered
     * one is refused). With {@code pipelineEnds}, the update also ends the pipeline, once: it is
     * refused when the pipeline has already ended.
     */
    public UpdateItemRequest stage(StatusUpdate u, boolean acceptEqual, Optional<PipelineState> pipelineEnds, boolean onlyWhileRunning) {
        Expression e = new Expression();
        String s = u.stage().id();
        e.value(":progress", u.progress());
        e.set("stage", s).set("status", u.state().name()).set("attempt", u.attempt()).setRaw("progress", ":progress")
                .set("updatedAt", u.at().toString())
                .set(s + "Status", u.state().name()).set(s + "Attempt", u.attempt())
                .set(s + timeAttribute(u.state()), u.at().toString());
        u.source().ifPresent(v -> e.set("source", v));
        u.encoder().ifPresent(v -> e.set("encoder", v));
        u.qcVerdict().ifPresent(v -> e.set("qcVerdict", v));
        if (!u.outputs().isEmpty()) e.set("outputs", u.outputs());
        u.jobId().ifPresent(v -> e.set(s + "JobId", v));
        if (u.state() == StageState.FAILED) {
            u.failureReason().ifPresent(v -> e.set("failureReason", v));
            u.exitCode().ifPresent(v -> e.set("exitCode", v));
        } else {
            e.remove("failureReason").remove("exitCode"); // a retry that runs or succeeds clears the last attempt's failure
        }
        pipelineEnds.ifPresent(p -> e.set("pipeline", p.name()));

        String order = "(attribute_not_exists(#progress) OR #progress " + (acceptEqual ? "<=" : "<") + " :progress"
                + (pipelineEnds.isPresent() && !acceptEqual ? " OR #progress = :progress" : "") + ")";
        String condition = order;
        if (onlyWhileRunning || pipelineEnds.isPresent()) {
            e.value(":running", PipelineState.RUNNING.name());
            condition += " AND (attribute_not_exists(#pipeline) OR #pipeline = :running)";
            e.name("pipeline");
        }
        return e.request(table, u.assetId(), condition);
    }

    /** Claims the asset for a new pipeline unless one is RUNNING; the facts of the last run are cleared. */
    public UpdateItemRequest claim(PipelineClaim c) {
        Expression e = new Expression();
        e.set("pipeline", PipelineState.RUNNING.name()).set("source", c.source()).set("requestedAt", c.requestedAt().toString())
                .set("updatedAt", c.requestedAt().toString())
                .set("stage", PipelineStage.INGEST.id()).set("status", StageState.QUEUED.name()).set("progress", 0L)
                .setRaw("run", "if_not_exists(#run, :zero) + :one");
        e.value(":zero", 0L).value(":one", 1L);
        for (String fact : FACTS) e.remove(fact);
        for (PipelineStage st : PipelineStage.values()) {
            for (String suffix : List.of("Status", "Attempt", "QueuedAt", "StartedAt", "EndedAt", "JobId")) e.remove(st.id() + suffix);
        }
        e.value(":running", PipelineState.RUNNING.name());
        return e.request(table, c.assetId(), "attribute_not_exists(#pipeline) OR #pipeline <> :running");
    }

    /** The pipeline's jobs, recorded while it is still the RUNNING one. */
    public UpdateItemRequest submitted(AssetId id, List<SubmittedJob> jobs, Instant at) {
        Expression e = new Expression();
        Map<String, AttributeValue> byStage = new LinkedHashMap<>();
        for (SubmittedJob j : jobs) {
            byStage.put(j.stage().id(), AttributeValue.fromM(Map.of(
                    "jobId", AttributeValue.fromS(j.jobId()), "jobName", AttributeValue.fromS(j.jobName()),
                    "jobQueue", AttributeValue.fromS(j.jobQueue()))));
            e.set(j.stage().id() + "JobId", j.jobId());
        }
        e.set("jobs", AttributeValue.fromM(byStage)).set("updatedAt", at.toString());
        e.value(":running", PipelineState.RUNNING.name());
        return e.request(table, id, "#pipeline = :running");
    }

    /** Drops a claim whose submission failed, so a later try may start. */
    public UpdateItemRequest release(AssetId id, String reason, Instant at) {
        Expression e = new Expression();
        e.set("pipeline", PipelineState.FAILED.name()).set("status", StageState.FAILED.name()).set("failureReason", reason)
                .set("updatedAt", at.toString());
        e.value(":running", PipelineState.RUNNING.name());
        return e.request(table, id, "#pipeline = :running");
    }

    /** The per-stage attribute a state's time goes to: ingestQueuedAt, transcodeStartedAt, qcEndedAt… */
    static String timeAttribute(StageState state) {
        return switch (state) {
            case QUEUED -> "QueuedAt";
            case RUNNING -> "StartedAt";
            default -> "EndedAt";
        };
    }

    /** Collects SET and REMOVE clauses with #name and :value placeholders (so reserved words are safe). */
    private static final class Expression {
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        Expression set(String attribute, Object value) {
            name(attribute);
            String placeholder = ":v" + values.size();
            values.put(placeholder, toValue(value));
            sets.add("#" + attribute + " = " + placeholder);
            return this;
        }

        Expression setRaw(String attribute, String expression) {
            name(attribute);
            sets.add("#" + attribute + " = " + expression);
            return this;
        }

        Expression remove(String attribute) {
            name(attribute);
            removes.add("#" + attribute);
            return this;
        }

        Expression name(String attribute) {
            names.put("#" + attribute, attribute);
            return this;
        }

        Expression value(String placeholder, Object value) {
            values.put(placeholder, toValue(value));
            return this;
        }

        UpdateItemRequest request(String table, AssetId id, String condition) {
            // A name set and removed in one update is an error in DynamoDB: SET wins.
            List<String> setNames = sets.stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
            List<String> remove = removes.stream().filter(r -> !setNames.contains(r)).toList();
            for (String ph : List.of("#progress", "#pipeline", "#run")) {
                if (condition.contains(ph) || sets.stream().anyMatch(s -> s.contains(ph))) names.put(ph, ph.substring(1));
            }
            String update = "SET " + String.join(", ", sets) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
            Map<String, String> usedNames = new LinkedHashMap<>();
            names.forEach((k, v) -> {
                if (update.contains(k) || condition.contains(k)) usedNames.put(k, v);
            });
            Map<String, AttributeValue> usedValues = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (update.matches(".*" + k + "\\b.*") || condition.matches(".*" + k + "\\b.*")) usedValues.put(k, v);
            });
            return UpdateItemRequest.builder().tableName(table).key(Map.of(KEY, AttributeValue.fromS(id.value())))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(usedNames).expressionAttributeValues(usedValues).build();
        }

        private static AttributeValue toValue(Object v) {
            if (v instanceof AttributeValue a) return a;
            if (v instanceof String s) return AttributeValue.fromS(s);
            if (v instanceof Number n) return AttributeValue.fromN(n.toString());
            if (v instanceof List<?> l) return AttributeValue.fromL(l.stream().map(Expression::toValue).toList());
            throw new IllegalArgumentException("no DynamoDB type for " + v.getClass());
        }
    }
}
