package io.mediaworker.cli;

import io.mediaworker.aws.s3.S3Destination;
import io.mediaworker.aws.s3.S3ObjectSource;
import io.mediaworker.aws.s3.S3Uri;
import io.mediaworker.transfer.Destination;
import io.mediaworker.transfer.LocalFileSource;
import io.mediaworker.transfer.LocalFolderDestination;
import io.mediaworker.transfer.Source;
import java.nio.file.Path;
import java.util.Optional;

/** Picks the source or destination a location names: {@code s3://…} or a local path. */
final class Transfers {
    private Transfers() {}

    static Source source(RootCommand root, String location) {
        if (S3Uri.isS3(location)) {
            return new S3ObjectSource(S3Uri.parse(location), root.contexts().aws(), owner(root));
        }
        return new LocalFileSource(Path.of(location));
    }

    static Destination destination(RootCommand root, String location, S3DeliveryOptions s3) {
        if (S3Uri.isS3(location)) {
            Optional<String> kms = Optional.ofNullable(s3 == null ? null : s3.sseKmsKeyId).filter(s -> !s.isBlank());
            return new S3Destination(S3Uri.parse(location), root.contexts().aws(), new S3Destination.Options(kms, owner(root)));
        }
        return new LocalFolderDestination(Path.of(location));
    }

    private static Optional<String> owner(RootCommand root) {
        return Optional.ofNullable(root.expectedBucketOwner).filter(s -> !s.isBlank());
    }
}
