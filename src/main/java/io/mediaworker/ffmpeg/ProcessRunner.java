package io.mediaworker.ffmpeg;

/**
 * Runs an external program to completion. Every program the worker starts goes through one of
 * these, so draining, stall watching and killing of process trees live in one place.
 */
public interface ProcessRunner {

    /** Runs the program; returns how it ended. Throws only when it could not be started. */
    ProcessResult run(ProcessSpec spec);
}
