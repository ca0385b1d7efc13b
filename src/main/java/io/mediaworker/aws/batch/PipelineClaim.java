package io.mediaworker.aws.batch;

import io.mediaworker.model.AssetId;
import java.time.Instant;

/** A request to start the pipeline of an asset, as recorded in the status table. */
public record PipelineClaim(AssetId assetId, String source, Instant requestedAt) {}
