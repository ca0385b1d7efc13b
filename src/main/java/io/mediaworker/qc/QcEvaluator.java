package io.mediaworker.qc;

import io.mediaworker.model.AudioStream;
import io.mediaworker.model.MediaInfo;
import io.mediaworker.model.Rational;
import io.mediaworker.model.VideoStream;
import io.mediaworker.mp4.TrackTiming;
import io.mediaworker.plan.Ladder;
import io.mediaworker.plan.Rendition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges measured renditions against their plan and the source. Pure. ffmpeg exits 0 on many
 * broken outputs, so these checks, not its exit code, decide whether a transcode worked.
 */
public final class QcEvaluator {
    /** A measured frame rate may differ from the planned one by this much (timestamp rounding). */
    static final double FRAME_RATE_TOLERANCE = 0.005;
    /** Keyframes in different rungs count as aligned within a millisecond (MP4 timescale rounding). */
    static final double ALIGN_TOLERANCE_S = 0.001;

    private QcEvaluator() {}

    public static QcReport evaluate(String assetId, MediaInfo source, Ladder ladder, List<RenditionMeasurement> measured,
                                    double durationTolerance) {
        List<QcCheck> checks = new ArrayList<>();
        for (RenditionMeasurement m : measured) checks.addAll(renditionChecks(source, ladder, m, durationTolerance));
        checks.addAll(alignment(measured, ladder));
        boolean pass = checks.stream().allMatch(QcCheck::passed);
        return new QcReport(assetId, pass ? QcReport.Verdict.PASS : QcReport.Verdict.FAIL, durationTolerance, checks);
    }

    static List<QcCheck> renditionChecks(MediaInfo source, Ladder ladder, RenditionMeasurement m, double tolerance) {
        Rendition plan = m.planned();
        String name = plan.name();
        List<QcCheck> checks = new ArrayList<>();
        checks.add(check(name, "decodes completely", m.decodedCompletely() && m.decodeErrors() == 0, "0 decode errors",
                m.decodedCompletely() ? m.decodeErrors() + " decode errors" + firstError(m) : "decode aborted" + firstError(m)));

        Optional<VideoStream> video = m.probe().mainVideo();
        String wantedCodec = plan.codec().ffmpegName();
        checks.add(check(name, "video codec", video.map(v -> v.codec().equals(wantedCodec)).orElse(false), wantedCodec,
                video.map(VideoStream::codec).orElse("no video")));
        String wantedProfile = plan.profile().toLowerCase(Locale.ROOT);
        String gotProfile = video.flatMap(VideoStream::profile).map(p -> p.toLowerCase(Locale.ROOT)).orElse("unknown");
        checks.add(check(name, "video profile", CodecProfiles.withinPlanned(wantedCodec, wantedProfile, gotProfile),
                wantedProfile + " or lower", gotProfile));
        checks.add(check(name, "picture size", video.map(v -> v.size().equals(plan.size()) && v.rotation() == 0).orElse(false),
                plan.size() + " upright", video.map(v -> v.size() + (v.rotation() == 0 ? "" : " rotated " + v.rotation())).orElse("none")));
        Optional<Rational> rate = video.flatMap(VideoStream::averageFrameRate);
        checks.add(check(name, "frame rate", rate.map(r -> r.isWithin(plan.frameRate(), FRAME_RATE_TOLERANCE)).orElse(false),
                plan.frameRate().toString(), rate.map(r -> String.format(Locale.ROOT, "%.3f", r.toDouble())).orElse("unknown")));

        double want = source.durationSeconds(), got = m.probe().durationSeconds();
        checks.add(check(name, "duration", Math.abs(got - want) <= tolerance,
                String.format(Locale.ROOT, "%.3f s ± %.3f", want, tolerance), String.format(Locale.ROOT, "%.3f s", got)));

        boolean sourceHasAudio = ladder.audioStreamIndex().isPresent();
        Optional<AudioStream> audio = m.probe().mainAudio();
        checks.add(check(name, "audio present", audio.isPresent() == sourceHasAudio,
                sourceHasAudio ? "audio" : "no audio", audio.isPresent() ? "audio" : "no audio"));
        if (sourceHasAudio && audio.isPresent()) {
            AudioStream a = audio.get();
            String expected = "aac " + ladder.audio().channels() + " ch " + ladder.audio().sampleRate() + " Hz";
            String actual = a.codec() + " " + a.channels() + " ch " + a.sampleRate() + " Hz";
            checks.add(check(name, "audio format", expected.equals(actual), expected, actual));
        }

        checks.add(check(name, "faststart (moov before mdat)", m.layout().moovBeforeMdat(), "moov before mdat",
                m.layout().boxes().stream().map(b -> b.type()).toList().toString()));
        checks.add(keyframeInterval(name, ladder, m));
        checks.add(editLists(name, ladder, m, tolerance));
        return checks;
    }

    /**
     * Audio and video tracks should end together, but a rendition reproduces its source's stream
     * lengths, and a source whose picture stops before its sound (or the reverse) is not a
     * transcode defect: the probe does not give per-stream source durations to tell them apart,
     * so a mismatch is a warning, not a gate.
     */
    public static List<Finding> trackDurationWarnings(List<RenditionMeasurement> measured, double tolerance) {
        List<Finding> warnings = new ArrayList<>();
        for (RenditionMeasurement m : measured) {
            List<TrackTiming> av = m.tracks().stream().filter(t -> t.isVideo() || t.isAudio()).toList();
            if (av.size() < 2) continue;
            double min = av.stream().mapToDouble(TrackTiming::durationSeconds).min().orElse(0);
            double max = av.stream().mapToDouble(TrackTiming::durationSeconds).max().orElse(0);
            if (max - min <= tolerance) continue;
            String parts = String.join(", ", av.stream().map(t -> String.format(Locale.ROOT, "%s %.3f s", t.handler(), t.durationSeconds())).toList());
            warnings.add(new Finding("track-durations", m.planned().name(), Finding.Severity.WARNING, Optional.empty(), max - min, tolerance,
                    String.format(Locale.ROOT, "audio and video tracks differ by %.3f s (%s), more than %.3f s", max - min, parts, tolerance)));
        }
        return warnings;
    }

    /**
     * Edit lists hold no surprises: at most one media edit per track at normal rate, and no empty
     * edit (a gap before the media starts) longer than the duration tolerance. Encoder delay
     * (B-frames, AAC priming) is a single media edit, and a short empty edit keeps a source's own
     * audio/video offset: both are fine.
     */
    static QcCheck editLists(String name, Ladder ladder, RenditionMeasurement m, double tolerance) {
        double frame = Math.max(tolerance, 1.0 / ladder.frameRate().toDouble());
        List<String> problems = new ArrayList<>();
        for (TrackTiming t : m.tracks()) {
            long mediaEdits = t.edits().stream().filter(e -> !e.empty()).count();
            if (mediaEdits > 1) problems.add(t.handler() + ": " + mediaEdits + " media edits");
            for (TrackTiming.Edit e : t.edits()) {
                if (e.empty() && e.durationSeconds() > frame + 1e-6) {
                    problems.add(String.format(Locale.ROOT, "%s: empty edit of %.3f s", t.handler(), e.durationSeconds()));
                }
                if (!e.empty() && Math.abs(e.rate() - 1.0) > 1e-6) problems.add(t.handler() + ": edit at rate " + e.rate());
            }
        }
        return check(name, "edit lists", problems.isEmpty(), String.format(Locale.ROOT, "one media edit per track, no gap over %.3f s", frame),
                problems.isEmpty() ? "plain" : String.join("; ", problems));
    }

    /** Every keyframe sits on the planned grid, and every grid point inside the video has one. */
    static QcCheck keyframeInterval(String name, Ladder ladder, RenditionMeasurement m) {
        Optional<TrackTiming> video = m.tracks().stream().filter(TrackTiming::isVideo).findFirst();
        String expected = "keyframes every " + ladder.keyframeIntervalSeconds() + " s";
        if (video.isEmpty() || video.get().syncSampleTimes().isEmpty()) return check(name, "keyframe interval", false, expected, "no keyframes");
        double interval = ladder.keyframeIntervalSeconds();
        double frame = 1.0 / ladder.frameRate().toDouble();
        List<Double> times = video.get().syncSampleTimes();
        List<String> problems = new ArrayList<>();
        for (double t : times) {
            double offGrid = t - Math.floor(t / interval + 1e-9) * interval;
            if (offGrid > frame + 1e-6) problems.add(String.format(Locale.ROOT, "extra keyframe at %.3f s", t));
        }
        double lastFrame = video.get().durationSeconds() - frame;
        for (int k = 0; k * interval <= lastFrame + 1e-9; k++) {
            double gridPoint = k * interval;
            boolean hit = times.stream().anyMatch(t -> t >= gridPoint - 1e-6 && t - gridPoint <= frame + 1e-6);
            if (!hit) problems.add(String.format(Locale.ROOT, "no keyframe at %.3f s", gridPoint));
        }
        return check(name, "keyframe interval", problems.isEmpty(), expected,
                problems.isEmpty() ? times.size() + " keyframes on the grid" : String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
    }

    /**
     * All rungs must have keyframes at the same timestamps, or players cannot switch between them
     * cleanly. The reference is the first rung whose keyframes sit on the planned grid, so that
     * the rung that drifted is the one named, even when it is the top rung.
     */
    static List<QcCheck> alignment(List<RenditionMeasurement> measured, Ladder ladder) {
        if (measured.size() < 2) return List.of();
        RenditionMeasurement ref = measured.stream().filter(m -> keyframeInterval(m.planned().name(), ladder, m).passed())
                .findFirst().orElse(measured.get(0));
        List<Double> reference = keyframes(ref);
        List<String> misaligned = new ArrayList<>();
        for (RenditionMeasurement m : measured) {
            if (m == ref) continue;
            List<Double> times = keyframes(m);
            boolean same = times.size() == reference.size();
            for (int i = 0; same && i < times.size(); i++) same = Math.abs(times.get(i) - reference.get(i)) <= ALIGN_TOLERANCE_S;
            if (!same) misaligned.add(m.planned().name());
        }
        return List.of(check("*", "keyframes aligned across rungs", misaligned.isEmpty(),
                "same keyframe timestamps as " + ref.planned().name(),
                misaligned.isEmpty() ? "aligned" : "differ in " + misaligned));
    }

    private static List<Double> keyframes(RenditionMeasurement m) {
        return m.tracks().stream().filter(TrackTiming::isVideo).findFirst().map(TrackTiming::syncSampleTimes).orElse(List.of());
    }

    private static String firstError(RenditionMeasurement m) {
        return m.firstDecodeErrors().isEmpty() ? "" : " (" + m.firstDecodeErrors().get(0) + ")";
    }

    private static QcCheck check(String rendition, String name, boolean passed, String expected, String actual) {
        return new QcCheck(rendition, name, passed, expected, actual);
    }
}
