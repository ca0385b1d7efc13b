package io.mediaworker.cli;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.aws.batch.PipelineStage;
import io.mediaworker.aws.notify.Notification;
import io.mediaworker.aws.notify.SnsNotifier;
import io.mediaworker.aws.status.DynamoStatusTable;
import io.mediaworker.aws.status.StageState;
import io.mediaworker.aws.status.StatusUpdate;
import io.mediaworker.content.ContentTree;
import io.mediaworker.content.Json;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.Termination;
import io.mediaworker.model.WorkerException;
import io.mediaworker.stage.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each stage run to the status table ({@code --status-table}) and the pipeline's end to the
 * SNS topic ({@code --notify-topic}), both optional. Reporting never decides a stage's outcome: a
 * table or topic that cannot be reached is a warning, and the stage's own exit code stands (the
 * files on the content tree are the truth; the table is a view of them).
 */
final class StageReporting {
    private static final Logger LOG = LoggerFactory.getLogger(StageReporting.class);

    private final StageContext ctx;
    private final Optional<DynamoStatusTable> table;
    private final Optional<SnsNotifier> notifier;

    StageReporting(StageContext ctx, Optional<DynamoStatusTable> table, Optional<SnsNotifier> notifier) {
        this.ctx = ctx;
        this.table = table;
        this.notifier = notifier;
    }

    static StageReporting of(RootCommand root, StageContext ctx) {
        Optional<String> tableName = nonBlank(root.statusTable);
        Optional<String> topic = nonBlank(root.notifyTopic);
        AwsClients aws = tableName.isPresent() || topic.isPresent() ? root.contexts().aws() : null;
        return new StageReporting(ctx,
                tableName.map(t -> new DynamoStatusTable(aws.dynamoDb(), t, ctx.clock())),
                topic.map(t -> new SnsNotifier(aws.sns(), t)));
    }

    /**
     * Runs one stage: RUNNING before (when the asset id is already known), then SUCCEEDED (DELIVERED
     * for deliver) with the facts its manifest holds, or FAILED with the one-line reason and exit
     * code; a delivery and every failure are also notified. The stage's exception is rethrown.
     */
    <T> T run(PipelineStage stage, Optional<AssetId> knownId, Optional<String> source, Supplier<T> work, Function<T, AssetId> idOf) {
        if (table.isEmpty() && notifier.isEmpty()) return work.get(); // nothing to report to: no manifest reads either
        knownId.ifPresent(id -> record(StatusUpdate.of(id, stage, StageState.RUNNING, ctx.attempt(), ctx.clock().instant())
                .withSource(source.orElse(null))));
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            failed(stage, knownId, source, e);
            throw e;
        }
        AssetId id = idOf.apply(result);
        Optional<Manifest> manifest = latestManifest(id);
        StageState state = stage.isLast() ? StageState.DELIVERED : StageState.SUCCEEDED;
        StatusUpdate done = withFacts(StatusUpdate.of(id, stage, state, ctx.attempt(), ctx.clock().instant()), stage, manifest)
                .withSource(source.or(() -> manifest.map(m -> m.source().location())).orElse(null));
        record(done);
        if (stage.isLast()) {
            notify(new Notification(Notification.Event.SUCCEEDED, id.value(), done.source(), stage.id(), ctx.attempt(), done.at(),
                    done.outputs(), done.qcVerdict(), Optional.empty(), Optional.empty(),
                    manifest.flatMap(m -> m.deliver()).map(r -> r.facts().destination())));
        }
        return result;
    }

    private void failed(PipelineStage stage, Optional<AssetId> id, Optional<String> source, RuntimeException e) {
        int code = Termination.requested() ? ExitCode.TERMINATED.code()
                : e instanceof WorkerException w ? w.exitCode().code() : ExitCode.INTERNAL.code();
        String reason = CommandLineFactory.oneLine(e);
        Optional<Manifest> manifest = id.flatMap(this::latestManifest);
        StatusUpdate u = withFacts(StatusUpdate.of(id.orElse(AssetId.of("unknown")), stage, StageState.FAILED, ctx.attempt(),
                ctx.clock().instant()), stage, manifest).withFailure(reason, Optional.of(code));
        if (id.isPresent()) record(u);
        notify(new Notification(Notification.Event.FAILED, id.map(AssetId::value).orElse(""),
                source.or(() -> manifest.map(m -> m.source().location())), stage.id(), ctx.attempt(), u.at(),
                List.of(), u.qcVerdict(), Optional.of(reason), Optional.of(code), Optional.empty()));
    }

    /** What the stage's manifest says that the table keeps: the encoder, the QC verdict, the delivered locations. */
    private static StatusUpdate withFacts(StatusUpdate u, PipelineStage stage, Optional<Manifest> manifest) {
        if (manifest.isEmpty()) return u;
        Manifest m = manifest.get();
        if (stage == PipelineStage.TRANSCODE) u = u.withEncoder(m.transcode().map(r -> r.facts().encoder()).orElse(null));
        if (stage == PipelineStage.QC || stage == PipelineStage.DELIVER) u = u.withQcVerdict(m.qc().map(r -> r.facts().verdict()).orElse(null));
        if (stage == PipelineStage.DELIVER) {
            u = u.withOutputs(m.deliver().map(r -> r.outputs().stream().map(FileRecord::path).toList()).orElse(List.of()));
        }
        return u;
    }

    /** The asset's most complete manifest on the content tree (the folder an asset is in moves as it advances). */
    private Optional<Manifest> latestManifest(AssetId id) {
        try {
            ContentTree tree = ctx.tree();
            return Stream.of(ContentTree.Area.values())
                    .map(area -> tree.dir(area, id).resolve(Manifest.FILE_NAME))
                    .filter(Files::isRegularFile)
                    .flatMap(f -> read(f).stream())
                    .max(Comparator.comparingInt(StageReporting::stagesRecorded));
        } catch (RuntimeException e) {
            // A report must never replace the stage's own error (e.g. a content root that is not there).
            LOG.debug("no manifest of {} for the status report: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private static int stagesRecorded(Manifest m) {
        return (m.ingest().isPresent() ? 1 : 0) + (m.transcode().isPresent() ? 1 : 0) + (m.qc().isPresent() ? 1 : 0)
                + (m.deliver().isPresent() ? 1 : 0);
    }

    private static Optional<Manifest> read(Path file) {
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), Manifest.class));
        } catch (Exception e) {
            LOG.warn("cannot read {} for the status report: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void record(StatusUpdate u) {
        table.ifPresent(t -> {
            try {
                if (!t.record(u)) LOG.info("status table {}: {} {} of {} is older than what is recorded; left as it is",
                        t.table(), u.stage().id(), u.state(), u.assetId());
            } catch (RuntimeException e) {
                LOG.warn("status table {}: cannot record {} {} of {}: {}", t.table(), u.stage().id(), u.state(), u.assetId(), e.getMessage());
            }
        });
    }

    private void notify(Notification n) {
        notifier.ifPresent(s -> {
            try {
                s.publish(n);
            } catch (RuntimeException e) {
                LOG.warn("cannot send the {} notification of {}: {}", n.event(), n.assetId(), e.getMessage());
            }
        });
    }

    private static Optional<String> nonBlank(String s) {
        return Optional.ofNullable(s).map(String::trim).filter(v -> !v.isEmpty());
    }
}
