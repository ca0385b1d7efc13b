package io.mediaworker.watch;

import io.mediaworker.content.ContentTree;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.manifest.StageStatus;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.ManifestStore;
import io.mediaworker.stage.StageContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code transcode --watch}, {@code qc --watch} and {@code deliver --watch}: find the assets
 * whose work is due in the content tree (see {@link WatchedStage}) and run the ordinary stage on
 * each; the stage's own idempotency ({@code Completed}) still guards against doing work twice.
 * Deliveries are recognised by the output manifest's delivery record for this destination.
 */
public final class StageWatch implements WatchLoop.Job<String> {
    private final StageContext ctx;
    private final WatchedStage stage;
    private final Consumer<AssetId> runStage;
    private final Optional<String> destination;
    private final String name;
    private final WatchLedger ledger;
    /** Ids found delivered to our destination: a recorded delivery does not go away, so each manifest is read once. */
    private final Set<String> delivered = new HashSet<>();
    /** The input manifest's stamp when the current asset was claimed (one asset at a time). */
    private Optional<String> stampAtClaim = Optional.empty();

    private StageWatch(StageContext ctx, WatchedStage stage, Optional<String> destination, Consumer<AssetId> runStage) {
        this.ctx = ctx;
        this.stage = stage;
        this.runStage = runStage;
        this.destination = destination;
        this.name = destination.map(d -> stage.label + "-" + digest(d)).orElse(stage.label);
        this.ledger = new WatchLedger(ctx.tree(), name);
        ctx.tree().prepare();
    }

    public static StageWatch transcode(StageContext ctx, Consumer<AssetId> run) {
        return new StageWatch(ctx, WatchedStage.TRANSCODE, Optional.empty(), run);
    }

    public static StageWatch qc(StageContext ctx, Consumer<AssetId> run) {
        return new StageWatch(ctx, WatchedStage.QC, Optional.empty(), run);
    }

    /** @param destination the destination as the delivery record names it ({@code Destination.describe()}) */
    public static StageWatch deliver(StageContext ctx, String destination, Consumer<AssetId> run) {
        return new StageWatch(ctx, WatchedStage.DELIVER, Optional.of(destination), run);
    }

    @Override public String name() { return name; }

    @Override
    public Round<String> poll(Backoff backoff, Instant now) {
        ContentSnapshot snapshot = new ContentSnapshot(ids(ContentTree.Area.INGEST), ids(ContentTree.Area.TRANSCODE),
                ids(ContentTree.Area.OUTPUT), ids(ContentTree.Area.FAILED));
        if (stage == WatchedStage.DELIVER) {
            for (String id : snapshot.output()) if (!delivered.contains(id) && deliveredHere(id)) delivered.add(id);
        }
        return StagePlanner.plan(stage, snapshot, delivered, failedForGood(snapshot), backoff, now);
    }

    @Override public String stage() { return stage.label; }

    @Override public Optional<String> assetId(String id) { return Optional.of(id); }

    @Override public String key(String id) { return id; }

    @Override public String describe(String id) { return "asset " + id + " (" + stage.label + ")"; }

    @Override
    public boolean stillDue(String id) {
        AssetId asset = AssetId.of(id);
        ContentSnapshot one = new ContentSnapshot(present(ContentTree.Area.INGEST, asset), present(ContentTree.Area.TRANSCODE, asset),
                present(ContentTree.Area.OUTPUT, asset), present(ContentTree.Area.FAILED, asset));
        Set<String> finished = stage == WatchedStage.DELIVER && deliveredHere(id) ? Set.of(id) : Set.of();
        return stage.isDue(id, one, finished) && !failedForGood(id);
    }

    @Override
    public Optional<String> process(String id) {
        stampAtClaim = inputStamp(id); // QC moves its input away when it fails: look before
        runStage.accept(AssetId.of(id));
        if (stage == WatchedStage.DELIVER) delivered.add(id);
        return Optional.of(id);
    }

    @Override
    public void recordFailure(String id, ExitCode code, String reason) {
        ledger.write(new WatchLedger.Entry(id, "failed", code.code(), Optional.of(id), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(reason), ctx.clock().instant(), ctx.host(), stampAtClaim));
    }

    /** The recorded failures that still stand (read only for ids that are in this stage's input folder). */
    private Set<String> failedForGood(ContentSnapshot snapshot) {
        Set<String> recorded = ledger.keys();
        recorded.retainAll(stage.inputs(snapshot));
        return recorded.stream().filter(this::failedForGood).collect(Collectors.toSet());
    }

    /** A failure record stands while the input it failed on is unchanged. */
    private boolean failedForGood(String id) {
        return ledger.read(id).filter(e -> e.inputStamp().isEmpty() || e.inputStamp().equals(inputStamp(id))).isPresent();
    }

    /** The input manifest's modification time and size: changed when the previous stage ran again. */
    private Optional<String> inputStamp(String id) {
        Path manifest = ctx.tree().dir(stage.inputArea(), AssetId.of(id)).resolve(Manifest.FILE_NAME);
        try {
            return Optional.of(Files.getLastModifiedTime(manifest) + "/" + Files.size(manifest));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean deliveredHere(String id) {
        return ManifestStore.read(ctx.tree().dir(ContentTree.Area.OUTPUT, AssetId.of(id))).flatMap(Manifest::deliver)
                .filter(r -> r.status() == StageStatus.SUCCEEDED)
                .filter(r -> r.facts().destination().equals(destination.orElseThrow())).isPresent();
    }

    private Set<String> present(ContentTree.Area area, AssetId id) {
        return Files.isDirectory(ctx.tree().dir(area, id), LinkOption.NOFOLLOW_LINKS) ? Set.of(id.value()) : Set.of();
    }

    /** The asset folders of one stage folder (names that are not valid asset ids are not ours). */
    private Set<String> ids(ContentTree.Area area) {
        Path dir = ctx.tree().root().resolve(area.name().toLowerCase(java.util.Locale.ROOT));
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).map(p -> p.getFileName().toString())
                    .filter(StageWatch::isAssetId).collect(Collectors.toSet());
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot list " + dir, e);
        }
    }

    private static boolean isAssetId(String name) {
        try {
            AssetId.of(name);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
