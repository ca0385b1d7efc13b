package io.mediaworker.aws.batch;

/** A job Batch accepted: its stage, the name we gave it and the id Batch gave it. */
public record SubmittedJob(PipelineStage stage, String jobName, String jobId, String jobQueue) {}
