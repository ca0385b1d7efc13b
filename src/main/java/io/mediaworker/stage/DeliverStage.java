package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.manifest.DeliveryFacts;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.StageRecord;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.metrics.StageMetrics;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import io.mediaworker.transfer.Destination;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code output/<assetId>/} (renditions, {@code plan.json}, {@code qc.json}, {@code qc.html}) to a
 * destination, checks each delivered rendition's SHA-256 read back from the destination against
 * the one recorded when it was made, then records the delivery in the manifest, which goes last.
 */
public final class DeliverStage {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverStage.class);

    /** @param force deliver again even when the recorded delivery to this destination still verifies */
    public record Request(AssetId assetId, Destination destination, boolean force) {
        public Request(AssetId assetId, Destination destination) {
            this(assetId, destination, false);
        }
    }

    public record Result(AssetId assetId, List<FileRecord> delivered) {}

    private final StageContext ctx;

    public DeliverStage(StageContext ctx) {
        this.ctx = ctx;
    }

    public Result run(Request request) {
        io.mediaworker.log.LogSetup.stage("deliver", request.assetId().value()); // doctor runs stages one after another in one process
        StageMetrics metrics = StageMetrics.start("deliver");
        ContentTree tree = ctx.tree().prepare();
        AssetId id = request.assetId();
        Path outputDir = tree.dir(ContentTree.Area.OUTPUT, id);
        Manifest manifest = ManifestStore.read(outputDir).filter(m -> m.qc().isPresent())
                .orElseThrow(() -> new UsageException("asset " + id + " has not passed QC: no " + outputDir.resolve(Manifest.FILE_NAME)));
        Optional<List<FileRecord>> done = request.force() ? Optional.empty() : alreadyDelivered(manifest, request.destination());
        if (done.isPresent()) {
            LOG.info("{} already delivered to {}: {} files there verify; nothing to do", id, request.destination().describe(), done.get().size());
            return new Result(id, done.get());
        }
        Instant started = ctx.clock().instant();
        try {
            return deliver(request, metrics, tree, outputDir, manifest, started);
        } catch (RuntimeException e) {
            throw Interruptions.onFailure(ctx, outputDir, "deliver", started, e);
        }
    }

    private Result deliver(Request request, StageMetrics metrics, ContentTree tree, Path outputDir, Manifest manifest, Instant started) {
        AssetId id = request.assetId();
        List<FileRecord> renditions = manifest.qc().get().outputs();
        List<Path> files = new ArrayList<>();
        for (FileRecord r : renditions) files.add(tree.root().resolve(r.path()));
        files.add(outputDir.resolve(TranscodeStage.PLAN_FILE));
        files.add(outputDir.resolve(QcStage.REPORT_FILE));
        if (java.nio.file.Files.exists(outputDir.resolve(QcStage.HTML_FILE))) files.add(outputDir.resolve(QcStage.HTML_FILE));

        Destination.Delivered result = request.destination().deliverRecorded(id, files);
        List<FileRecord> delivered = result.files();
        verify(renditions, delivered);

        StageRecord<DeliveryFacts> record = new StageRecord<>(StageStatus.SUCCEEDED, started, ctx.clock().instant(),
                ctx.attempt(), ctx.host(), ctx.toolVersions(), renditions, delivered, Optional.empty(),
                new DeliveryFacts(request.destination().describe(), delivered, result.objects()));
        Manifest updated = manifest.withDeliver(record);
        ManifestStore.write(outputDir, updated, tree.work());
        request.destination().deliver(id, List.of(outputDir.resolve(Manifest.FILE_NAME)));
        LOG.info("delivered {} to {} (its own folder there): {} files and manifest.json", id, request.destination().describe(), delivered.size());
        metrics.finish();
        return new Result(id, delivered);
    }

    /**
     * The recorded delivery to this destination, when every file it lists is still there as
     * recorded. Only local files can be checked here; other destinations skip what already matches
     * as they deliver.
     */
    private static Optional<List<FileRecord>> alreadyDelivered(Manifest manifest, Destination destination) {
        return manifest.deliver().filter(r -> r.status() == StageStatus.SUCCEEDED)
                .filter(r -> r.facts().destination().equals(destination.describe()))
                .map(StageRecord::outputs)
                .filter(files -> files.stream().allMatch(f -> Path.of(f.path()).isAbsolute()))
                .filter(files -> Completed.verify(new ContentTree(Path.of("/")), files));
    }

    /** Each rendition read back from the destination must hash as it did when transcode wrote it. */
    private static void verify(List<FileRecord> expected, List<FileRecord> delivered) {
        Map<String, FileRecord> byName = delivered.stream()
                .collect(Collectors.toMap(f -> Path.of(f.path()).getFileName().toString(), Function.identity(), (a, b) -> b));
        for (FileRecord e : expected) {
            String name = Path.of(e.path()).getFileName().toString();
            FileRecord d = byName.get(name);
            if (d == null || !d.sha256().equals(e.sha256()) || d.size() != e.size()) {
                throw new TransientException("delivered " + name + " does not match: expected sha256 " + e.sha256()
                        + ", destination has " + (d == null ? "nothing" : d.sha256()));
            }
        }
    }
}
