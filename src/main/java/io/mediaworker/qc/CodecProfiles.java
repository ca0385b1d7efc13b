package io.mediaworker.qc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders codec profiles by what a decoder must support. A planned profile is a ceiling (x264 at
 * its fastest presets writes Constrained Baseline even when asked for High): any device able to
 * play the planned profile plays a lower one, so only a higher profile breaks the plan.
 */
final class CodecProfiles {
    private static final List<List<String>> H264 = List.of(
            List.of("constrained baseline"), List.of("baseline"), List.of("main", "extended"), List.of("high"),
            List.of("high 10", "high 10 intra"), List.of("high 4:2:2", "high 4:2:2 intra"), List.of("high 4:4:4 predictive", "high 4:4:4 intra"));
    private static final List<List<String>> HEVC = List.of(
            List.of("main", "main still picture"), List.of("main 10"), List.of("rext"));

    private CodecProfiles() {}

    /** True when a stream in {@code actual} plays wherever {@code planned} does. */
    static boolean withinPlanned(String codec, String planned, String actual) {
        String p = planned.toLowerCase(Locale.ROOT), a = actual.toLowerCase(Locale.ROOT);
        if (p.equals(a)) return true;
        List<List<String>> order = codec.equals("hevc") ? HEVC : codec.equals("h264") ? H264 : List.of();
        Optional<Integer> rp = rank(order, p), ra = rank(order, a);
        return rp.isPresent() && ra.isPresent() && ra.get() <= rp.get();
    }

    private static Optional<Integer> rank(List<List<String>> order, String profile) {
        for (int i = 0; i < order.size(); i++) if (order.get(i).contains(profile)) return Optional.of(i);
        return Optional.empty();
    }
}
