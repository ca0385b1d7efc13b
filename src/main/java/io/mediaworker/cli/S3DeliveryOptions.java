package io.mediaworker.cli;

import picocli.CommandLine.Option;

/** Options that only matter when delivering to S3; shared by deliver and run. */
final class S3DeliveryOptions {
    @Option(names = "--sse-kms-key-id", paramLabel = "KEY",
            defaultValue = "${env:MEDIA_SSE_KMS_KEY_ID}",
            description = "Encrypt delivered S3 objects with this KMS key (id, alias or ARN; env MEDIA_SSE_KMS_KEY_ID).")
    String sseKmsKeyId;
}
