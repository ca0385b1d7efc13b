package io.mediaworker.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mediaworker.model.AudioStream;
import io.mediaworker.plan.AudioTrackPolicy.AudioChoice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioTrackPolicyTest {
    private static AudioStream track(int index, String language, boolean isDefault, boolean comment, String title) {
        return new AudioStream(index, "aac", Optional.of("LC"), 2, Optional.of("stereo"), 48_000, Optional.ofNullable(language),
                isDefault, comment, Optional.ofNullable(title));
    }

    private static final List<AudioStream> FILM = List.of(
            track(1, "fre", false, false, null),
            track(2, "eng", true, false, null),
            track(3, "eng", true, true, "Director's commentary"));

    private static int chosen(List<AudioStream> tracks, String language) {
        return AudioTrackPolicy.choose(tracks, Optional.ofNullable(language)).map(AudioChoice::streamIndex).orElse(-1);
    }

    @Test
    void withoutAPreferenceTheDefaultTrackThatIsNotCommentary() {
        assertEquals(2, chosen(FILM, null));
        assertEquals(2, chosen(List.of(FILM.get(2), FILM.get(1), FILM.get(0)), null), "a default commentary listed first is passed over");
    }

    @Test
    void thePreferredLanguageWinsInAnyIso639Spelling() {
        for (String fr : List.of("fre", "fra", "fr", "FR", " fr ")) assertEquals(1, chosen(FILM, fr), fr);
        assertEquals(2, chosen(FILM, "en"), "the main mix before the commentary in the same language");
    }

    @Test
    void aPreferenceNoTrackHasFallsBackAndSaysSo() {
        AudioChoice c = AudioTrackPolicy.choose(FILM, Optional.of("jpn")).orElseThrow();
        assertEquals(2, c.streamIndex());
        assertEquals("stream 2 (eng): no track in the preferred language jpn; the default track that is not commentary, of 3 audio tracks",
                c.reason());
    }

    @Test
    void noDefaultMainTrackMeansTheFirst() {
        List<AudioStream> tracks = List.of(track(1, "fre", false, false, null), track(2, "eng", true, true, "Commentary"),
                track(3, "ger", false, false, null));
        assertEquals(1, chosen(tracks, null));
        assertEquals(2, chosen(tracks, "eng"), "a commentary is taken when it is the only track in the language asked for");
    }

    @Test
    void aTitleSayingCommentaryCountsWhereTheContainerHasNoFlag() {
        List<AudioStream> mp4 = List.of(track(1, "eng", true, false, "Commentary with the cast"), track(2, "eng", true, false, "Main"));
        assertEquals(2, chosen(mp4, null));
    }

    @Test
    void noTracksNoChoice() {
        assertEquals(Optional.empty(), AudioTrackPolicy.choose(List.of(), Optional.of("en")));
    }
}
