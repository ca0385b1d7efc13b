package io.mediaworker.aws.batch;

/** Which queue and job definition the transcode job goes to: the GPU one or the CPU one. */
public enum TranscodeTarget { CPU, GPU }
