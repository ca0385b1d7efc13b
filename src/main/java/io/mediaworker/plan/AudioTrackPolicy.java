package io.mediaworker.plan;

import io.mediaworker.model.AudioStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which one audio track the ladder carries. Pure. In order: the first track in the preferred
 * language, when one is configured (a main mix before a commentary in that language); else the
 * first default-flagged track that is not commentary; else the first track. Languages compare as
 * ISO 639 codes, so {@code en}, {@code eng}, {@code fr}, {@code fre} and {@code fra} all work.
 */
public final class AudioTrackPolicy {
    /** The ISO 639-2 bibliographic codes (Matroska, many muxers) that differ from the terminology ones. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("alb", "sqi"), Map.entry("arm", "hye"), Map.entry("baq", "eus"), Map.entry("bur", "mya"),
            Map.entry("chi", "zho"), Map.entry("cze", "ces"), Map.entry("dut", "nld"), Map.entry("fre", "fra"),
            Map.entry("geo", "kat"), Map.entry("ger", "deu"), Map.entry("gre", "ell"), Map.entry("ice", "isl"),
            Map.entry("mac", "mkd"), Map.entry("mao", "mri"), Map.entry("may", "msa"), Map.entry("per", "fas"),
            Map.entry("rum", "ron"), Map.entry("slo", "slk"), Map.entry("tib", "bod"), Map.entry("wel", "cym"));

    /** The track chosen and, for the manifest and the log, why. */
    public record AudioChoice(int streamIndex, Optional<String> language, String reason) {}

    private AudioTrackPolicy() {}

    public static Optional<AudioChoice> choose(List<AudioStream> tracks, Optional<String> preferredLanguage) {
        if (tracks.isEmpty()) return Optional.empty();
        String among = tracks.size() == 1 ? "the only audio track" : "of " + tracks.size() + " audio tracks";
        Optional<String> wanted = preferredLanguage.map(String::strip).filter(l -> !l.isEmpty()).map(AudioTrackPolicy::normalise);
        String fallbackWhy = "";
        if (wanted.isPresent()) {
            List<AudioStream> inLanguage = tracks.stream()
                    .filter(t -> t.language().map(AudioTrackPolicy::normalise).equals(wanted)).toList();
            Optional<AudioStream> pick = inLanguage.stream().filter(t -> !t.commentary()).findFirst()
                    .or(() -> inLanguage.stream().findFirst());
            if (pick.isPresent()) {
                return Optional.of(choice(pick.get(), "in the preferred language " + preferredLanguage.get().strip()
                        + (pick.get().commentary() ? " (a commentary: the only track in it)" : "") + ", " + among));
            }
            fallbackWhy = "no track in the preferred language " + preferredLanguage.get().strip() + "; ";
        }
        Optional<AudioStream> main = tracks.stream().filter(t -> t.defaultTrack() && !t.commentary()).findFirst();
        if (main.isPresent()) return Optional.of(choice(main.get(), fallbackWhy + "the default track that is not commentary, " + among));
        return Optional.of(choice(tracks.get(0), fallbackWhy + "no default non-commentary track: the first, " + among));
    }

    private static AudioChoice choice(AudioStream t, String why) {
        return new AudioChoice(t.index(), t.language(), "stream " + t.index() + t.language().map(l -> " (" + l + ")").orElse("")
                + t.title().map(n -> " \"" + n + "\"").orElse("") + ": " + why);
    }

    /** A two- or three-letter ISO 639 code as the three-letter terminology code, lower case. */
    static String normalise(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (c.length() == 2) {
            try {
                c = Locale.forLanguageTag(c).getISO3Language();
            } catch (java.util.MissingResourceException e) {
                return c;
            }
        }
        return BIBLIOGRAPHIC.getOrDefault(c, c);
    }
}
