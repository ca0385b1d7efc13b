package io.mediaworker.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.mediaworker.model.UsageException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a profile file (JSON). Every field but {@code rungs} may be left out and takes the
 * built-in default; unknown fields are refused, so a typo is an error rather than a silent default.
 */
public final class ProfileParser {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ProfileFile(String name, List<RungSpec> rungs, Double keyframeIntervalSeconds, Integer maxFrameRate,
                       String preset, AudioFile audio) {}

    record AudioFile(Integer bitrateKbps, Integer channels, Integer sampleRate) {}

    private ProfileParser() {}

    public static LadderProfile parse(String json, String origin) {
        try {
            ProfileFile f = JSON.readValue(json, ProfileFile.class);
            LadderProfile d = LadderProfile.DEFAULT;
            if (f.rungs() == null || f.rungs().isEmpty()) throw new IllegalArgumentException("\"rungs\" must list at least one rung");
            AudioSpec audio = f.audio() == null ? d.audio() : new AudioSpec(
                    Optional.ofNullable(f.audio().bitrateKbps()).orElse(d.audio().bitrateKbps()),
                    Optional.ofNullable(f.audio().channels()).orElse(d.audio().channels()),
                    Optional.ofNullable(f.audio().sampleRate()).orElse(d.audio().sampleRate()));
            return new LadderProfile(
                    Optional.ofNullable(f.name()).orElse(origin),
                    f.rungs(),
                    Optional.ofNullable(f.keyframeIntervalSeconds()).orElse(d.keyframeIntervalSeconds()),
                    Optional.ofNullable(f.maxFrameRate()).orElse(d.maxFrameRate()),
                    Optional.ofNullable(f.preset()).orElse(d.preset()),
                    audio);
        } catch (JsonProcessingException e) {
            throw new UsageException("profile " + origin + " is not valid: " + io.mediaworker.content.Json.problem(e));
        } catch (IllegalArgumentException e) {
            throw new UsageException("profile " + origin + " is not valid: " + e.getMessage());
        }
    }
}
