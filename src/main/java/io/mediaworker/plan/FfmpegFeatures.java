package io.mediaworker.plan;

import java.util.Set;

/** What the ffmpeg in use can do, as far as planning cares: its filters and encoders by name. */
public record FfmpegFeatures(Set<String> filters, Set<String> encoders) {

    public FfmpegFeatures {
        filters = Set.copyOf(filters);
        encoders = Set.copyOf(encoders);
    }

    /** HDR to SDR tone mapping needs zimg's zscale besides the tonemap filter. */
    public boolean canToneMap() { return filters.contains("zscale") && filters.contains("tonemap"); }
}
