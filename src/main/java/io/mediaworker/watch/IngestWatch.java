package io.mediaworker.watch;

import io.mediaworker.content.ContentTree;
import io.mediaworker.manifest.Manifest;
import io.mediaworker.model.ExitCode;
import io.mediaworker.model.UsageException;
import io.mediaworker.stage.IngestStage;
import io.mediaworker.stage.ManifestStore;
import io.mediaworker.stage.StageContext;
import io.mediaworker.transfer.LocalFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest --watch DIR}: takes each regular file of DIR (not its subfolders, not symbolic
 * links, not temporary upload names) once its size and modification time have held still for the
 * settle time, and ingests it with the ordinary {@link IngestStage}. The source file is left where
 * it is, unchanged; the ledger in {@code .work/watch/ingest/} remembers each version (name, size,
 * time) with its asset id and SHA-256, so it is never ingested twice, and neither is a file that
 * was refused as bad media.
 */
public final class IngestWatch implements WatchLoop.Job<IngestPlanner.Candidate> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWatch.class);
    public static final String NAME = "ingest";

    private final StageContext ctx;
    private final Path folder;
    private final Duration settle;
    private final WatchLedger ledger;
    private Map<String, Sighting> sightings = new HashMap<>();

    public IngestWatch(StageContext ctx, Path folder, Duration settle) {
        this.ctx = ctx;
        this.folder = folder.toAbsolutePath().normalize();
        this.settle = settle;
        this.ledger = new WatchLedger(ctx.tree(), NAME);
        if (!Files.isDirectory(this.folder)) throw new UsageException("--watch " + folder + " is not a folder");
        Path root = ctx.tree().root();
        for (String inside : List.of("ingest", "transcode", "output", "failed", ".work")) {
            if (this.folder.startsWith(root.resolve(inside))) {
                throw new UsageException("--watch " + folder + " is inside the content tree's " + inside + "/: watch a folder of your own");
            }
        }
        ctx.tree().prepare();
    }

    @Override public String name() { return NAME; }

    @Override
    public Round<IngestPlanner.Candidate> poll(Backoff backoff, Instant now) {
        IngestPlanner.Plan plan = IngestPlanner.plan(folder.toString(), list(), sightings, ledger.keys(), backoff, now, settle);
        sightings = plan.sightings();
        return plan.round();
    }

    @Override public String key(IngestPlanner.Candidate c) { return c.key(); }

    @Override public String describe(IngestPlanner.Candidate c) { return "source " + folder.resolve(c.file().name()); }

    @Override
    public boolean stillDue(IngestPlanner.Candidate c) {
        return !ledger.has(c.key()) && stat(folder.resolve(c.file().name())).filter(s -> s.sameAs(c.file())).isPresent();
    }

    @Override
    public Optional<String> process(IngestPlanner.Candidate c) {
        Path file = folder.resolve(c.file().name());
        IngestStage.Result result = new IngestStage(ctx).run(new IngestStage.Request(new LocalFileSource(file), Optional.empty()));
        if (stat(file).filter(s -> s.sameAs(c.file())).isEmpty()) {
            LOG.warn("{} changed while it was read: asset {} holds the bytes read; the new version will be ingested as another asset",
                    file, result.assetId());
        }
        Optional<String> sha = ManifestStore.read(result.folder()).map(Manifest::source).map(s -> s.sha256());
        ledger.write(new WatchLedger.Entry(c.key(), "ingested", 0, Optional.of(result.assetId().value()), Optional.of(file.toString()),
                Optional.of(c.file().size()), Optional.of(c.file().modified()), sha, Optional.empty(), ctx.clock().instant(), ctx.host(), Optional.empty()));
        return Optional.of(result.assetId().value());
    }

    @Override
    public void recordFailure(IngestPlanner.Candidate c, ExitCode code, String reason) {
        ledger.write(new WatchLedger.Entry(c.key(), "failed", code.code(), Optional.empty(), Optional.of(folder.resolve(c.file().name()).toString()),
                Optional.of(c.file().size()), Optional.of(c.file().modified()), Optional.empty(), Optional.of(reason),
                ctx.clock().instant(), ctx.host(), Optional.empty()));
    }

    private List<FileStat> list() {
        List<FileStat> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) stat(p).ifPresent(files::add);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot list " + folder, e);
        }
        return files;
    }

    /** Regular files only, links not followed; empty for anything else or a file that went away. */
    private static Optional<FileStat> stat(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) return Optional.empty();
            return Optional.of(new FileStat(p.getFileName().toString(), a.size(), a.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("cannot stat {}: {}", p, e.getMessage());
            return Optional.empty();
        }
    }
}
