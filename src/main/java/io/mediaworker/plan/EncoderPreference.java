package io.mediaworker.plan;

/** What the operator asked for: let the worker decide, or force a path. */
public enum EncoderPreference { auto, cpu, gpu }
