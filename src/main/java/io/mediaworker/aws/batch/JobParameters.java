package io.mediaworker.aws.batch;

import java.util.Set;

/** The job parameters every submitted job carries; the job definitions refer to them as {@code Ref::name}. */
public final class JobParameters {
    public static final String ASSET_ID = "assetId";
    public static final String SOURCE = "source";
    public static final String CONTENT_ROOT = "contentRoot";
    /** Only when a destination is configured; deliver.json has a default. */
    public static final String DELIVER_TO = "deliverTo";

    /** Always submitted, whatever the job definitions default. */
    public static final Set<String> ALWAYS = Set.of(ASSET_ID, SOURCE, CONTENT_ROOT);

    private JobParameters() {}
}
