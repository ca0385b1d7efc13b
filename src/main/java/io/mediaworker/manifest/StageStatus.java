package io.mediaworker.manifest;

public enum StageStatus { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }
