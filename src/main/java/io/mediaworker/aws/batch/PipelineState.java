package io.mediaworker.aws.batch;

/** Where an asset's pipeline stands: a new one may start only when none is RUNNING. */
public enum PipelineState { RUNNING, SUCCEEDED, FAILED }
