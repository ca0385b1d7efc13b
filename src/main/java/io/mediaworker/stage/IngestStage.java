package io.mediaworker.stage;

import io.mediaworker.content.ContentTree;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.log.LogSetup;
import io.mediaworker.log.Redaction;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.manifest.IngestFacts;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.SourceObject;
import io.mediaworker.manifest.SourceRecord;
import io.mediaworker.manifest.StageRecord;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.metrics.StageMetrics;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.mkv.MatroskaSegment;
import io.mediaworker.plan.SourcePlausibility;
import io.mediaworker.mp4.Mp4Inspector;
import io.mediaworker.mp4.Mp4Layout;
import io.mediaworker.transfer.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a source into {@code ingest/<assetId>/}: one read pass copies it into a staging folder
 * while hashing it, the copy is probed (never the original: ffmpeg reads only our local file), and
 * the folder with {@code source.<ext>} and the manifest is published with one rename. The same
 * bytes ingested again are a no-op that returns the same asset id. Media that cannot be read is
 * recorded in {@code failed/<assetId>/reason.json} and rejected with exit 3.
 */
public final class IngestStage {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    public record Request(Source source, Optional<AssetId> assetId) {}

    public record Result(AssetId assetId, boolean alreadyIngested, Path folder) {}

    private final StageContext ctx;

    public IngestStage(StageContext ctx) {
        this.ctx = ctx;
    }

    public Result run(Request request) {
        StageMetrics metrics = StageMetrics.start("ingest");
        ContentTree tree = ctx.tree().prepare();
        request.source().localPath().ifPresent(tree::refuseLinkOutOfRoot);
        Instant started = ctx.clock().instant();
        Optional<SourceObject> object = request.source().object();
        Optional<AssetId> known = object.flatMap(o -> IngestedObjects.find(tree, request.assetId(), o));
        if (known.isPresent()) {
            // The same object (same version or ETag) again: one asset, and no second download.
            LogSetup.stage("ingest", known.get().value());
            LOG.info("asset {} already ingested from {} (same version/ETag): nothing to do", known.get(), request.source().location());
            metrics.finish();
            return new Result(known.get(), true, tree.dir(ContentTree.Area.INGEST, known.get()));
        }
        Path staging = tree.newStaging("ingest", "incoming");
        try {
            String storedAs = "source." + extension(request.source().fileName());
            HashingCopy.Result copy = copy(request.source(), staging.resolve(storedAs));
            AssetId id = request.assetId().orElseGet(() -> AssetId.fromSha256(copy.sha256()));
            LogSetup.stage("ingest", id.value()); // a derived id is known only now: every later line carries it
            Path folder = tree.dir(ContentTree.Area.INGEST, id);

            Optional<Manifest> existing = ManifestStore.read(folder);
            if (existing.isPresent()) {
                if (existing.get().source().sha256().equals(copy.sha256())) {
                    LOG.info("asset {} already ingested from the same bytes (sha256 {}): nothing to do", id, copy.sha256());
                    metrics.finish();
                    return new Result(id, true, folder);
                }
                throw new InvalidInputException("asset id " + id + " already holds other content (sha256 "
                        + existing.get().source().sha256() + ", this source has " + copy.sha256() + ")");
            }

            // A presigned or user:password URL must not live on in the manifest, which travels with the asset.
            String location = Redaction.redact(request.source().location());
            MediaInfo info = probeOrQuarantine(id, staging.resolve(storedAs), location);
            SourceRecord source = new SourceRecord(location, request.source().fileName(), copy.size(), copy.sha256(),
                    request.source().object());
            FileRecord stored = new FileRecord(tree.root().relativize(folder.resolve(storedAs)).toString(), copy.size(), copy.sha256());
            StageRecord<IngestFacts> record = new StageRecord<>(StageStatus.SUCCEEDED, started, ctx.clock().instant(),
                    ctx.attempt(), ctx.host(), ctx.toolVersions(),
                    List.of(new FileRecord(location, copy.size(), copy.sha256())), List.of(stored),
                    Optional.empty(), new IngestFacts(storedAs, ctx.prober().method(), info));
            ManifestStore.write(staging, Manifest.start(id, source).withIngest(record), tree.work());
            tree.publish(staging, ContentTree.Area.INGEST, id);
            LOG.info("ingested {} as asset {} ({} bytes, {} video / {} audio streams)", location, id,
                    copy.size(), info.videoStreams().size(), info.audioStreams().size());
            metrics.finish();
            return new Result(id, false, folder);
        } finally {
            ContentTree.deleteRecursively(staging);
        }
    }

    /**
     * Probes the staged copy; anything unreadable is quarantined with its reason before exit 3. The
     * reason names the source as the user gave it, never our staging copy (a path they never saw).
     */
    private MediaInfo probeOrQuarantine(AssetId id, Path file, String location) {
        try {
            MediaInfo info = ctx.prober().probe(file);
            if (info.mainVideo().isEmpty()) throw new InvalidInputException("no video stream: media-worker makes video renditions");
            // Before the duration: an absurd picture size is the better explanation of a file without one.
            SourcePlausibility.problem(info).ifPresent(p -> { throw new InvalidInputException(p); });
            if (info.durationSeconds() <= 0) throw new InvalidInputException("no duration: the file holds no playable media");
            checkNotTruncated(info, file);
            return info;
        } catch (InvalidInputException e) {
            String problem = e.getMessage().replace("file:" + file, location).replace(file.toUri().toString(), location)
                    .replace(file.toString(), location);
            String reason = (problem.contains(location) ? problem : location + ": " + problem) + " (asset " + id + ")";
            Quarantine.reasonOnly(ctx, id, "ingest", e.exitCode(), reason);
            throw new InvalidInputException(reason, e);
        }
    }

    /** ffprobe reads a cut-off MP4 happily when its index comes first; the box sizes tell the truth. */
    private static void checkNotTruncated(MediaInfo info, Path file) {
        if (info.container().contains("matroska")) {
            checkMatroskaNotTruncated(file);
            return;
        }
        if (!info.container().contains("mp4") && !info.container().contains("mov")) return;
        try {
            Mp4Layout layout = Mp4Inspector.layout(file);
            if (layout.truncated()) {
                throw new InvalidInputException("truncated file: its boxes claim more bytes than the " + layout.fileSize() + " it has");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) throw iie;
            throw new InvalidInputException("unreadable MP4 structure: " + e.getMessage(), e);
        }
    }

    /** Matroska's Segment states its size up front (unless written live): more than the file has means cut off or corrupt. */
    private static void checkMatroskaNotTruncated(Path file) {
        try {
            MatroskaSegment.Layout layout = MatroskaSegment.read(file);
            if (layout.truncated()) {
                throw new InvalidInputException("truncated or corrupt file: its Matroska segment claims to end at byte "
                        + layout.declaredEnd().getAsLong() + ", the file has " + layout.fileSize());
            }
        } catch (IOException e) {
            throw new InvalidInputException("unreadable Matroska structure: " + e.getMessage(), e);
        }
    }

    private static HashingCopy.Result copy(Source source, Path target) {
        try {
            return source.copyTo(target);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot copy " + source.location(), e);
        }
    }

    /** The source's extension, lower-cased and kept only if it is a plain short word. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,8}") ? ext : "bin";
    }
}
