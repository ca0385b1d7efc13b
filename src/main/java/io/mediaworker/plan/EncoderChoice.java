package io.mediaworker.plan;

/** The path a transcode takes and why, as recorded in the manifest and the log. */
public record EncoderChoice(Path path, String reason) {

    public enum Path { CPU, GPU }

    public static EncoderChoice cpu(String reason) { return new EncoderChoice(Path.CPU, reason); }

    public static EncoderChoice gpu(String reason) { return new EncoderChoice(Path.GPU, reason); }
}
