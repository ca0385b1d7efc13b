package io.mediaworker.manifest;

import io.mediaworker.model.AssetId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one record of an asset that travels with it from stage to stage (see DESIGN.md). Each
 * stage copies it forward and adds its own record; the copy is immutable, {@code with*} returns
 * a changed one.
 */
public record Manifest(
        int schemaVersion,
        AssetId assetId,
        SourceRecord source,
        Optional<StageRecord<IngestFacts>> ingest,
        Optional<StageRecord<TranscodeFacts>> transcode,
        Optional<StageRecord<QcFacts>> qc,
        Optional<StageRecord<DeliveryFacts>> deliver,
        List<Interruption> interruptions) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        ingest = ingest == null ? Optional.empty() : ingest;
        transcode = transcode == null ? Optional.empty() : transcode;
        qc = qc == null ? Optional.empty() : qc;
        deliver = deliver == null ? Optional.empty() : deliver;
        interruptions = interruptions == null ? List.of() : List.copyOf(interruptions);
    }

    public static Manifest start(AssetId id, SourceRecord source) {
        return new Manifest(SCHEMA_VERSION, id, source, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public Manifest withIngest(StageRecord<IngestFacts> r) { return new Manifest(schemaVersion, assetId, source, Optional.of(r), transcode, qc, deliver, interruptions); }

    public Manifest withTranscode(StageRecord<TranscodeFacts> r) { return new Manifest(schemaVersion, assetId, source, ingest, Optional.of(r), qc, deliver, interruptions); }

    public Manifest withQc(StageRecord<QcFacts> r) { return new Manifest(schemaVersion, assetId, source, ingest, transcode, Optional.of(r), deliver, interruptions); }

    public Manifest withDeliver(StageRecord<DeliveryFacts> r) { return new Manifest(schemaVersion, assetId, source, ingest, transcode, qc, Optional.of(r), interruptions); }

    /** Adds the record of a stage run stopped by SIGTERM; the stage records themselves are left as they were. */
    public Manifest withInterruption(Interruption i) {
        List<Interruption> all = new ArrayList<>(interruptions);
        all.add(i);
        return new Manifest(schemaVersion, assetId, source, ingest, transcode, qc, deliver, all);
    }
}
