package io.mediaworker.gpu;

/** One step of GPU detection: its name, whether it held, and what was seen. */
public record GpuCheck(String name, boolean passed, String detail) {
}
