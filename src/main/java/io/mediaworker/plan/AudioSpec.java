package io.mediaworker.plan;

/** The audio every rendition carries: AAC-LC, stereo, 48 kHz by default. */
public record AudioSpec(int bitrateKbps, int channels, int sampleRate) {

    public static final AudioSpec DEFAULT = new AudioSpec(128, 2, 48_000);

    public AudioSpec {
        if (bitrateKbps < 16 || bitrateKbps > 512) throw new IllegalArgumentException("audio bitrateKbps must be 16..512");
        if (channels < 1 || channels > 8) throw new IllegalArgumentException("audio channels must be 1..8");
        if (sampleRate != 44_100 && sampleRate != 48_000) throw new IllegalArgumentException("audio sampleRate must be 44100 or 48000");
    }
}
