package io.mediaworker.plan;

import java.util.List;

/**
 * The encoder half of a transcode plan: how frames get into the encoder and which options it
 * takes for one rendition. The CPU path is {@link X264Encoder}; a GPU path plugs in here.
 */
public interface VideoEncoder {

    /** The ffmpeg encoder name, e.g. {@code libx264}. */
    String ffmpegName();

    /** Filters that end each rendition's chain after scaling (pixel format, uploads). */
    String finalFilters();

    /** Options for output stream {@code v:0} of one rendition. */
    List<String> videoOptions(Rendition rendition, Ladder ladder);
}
