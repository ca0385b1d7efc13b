package io.mediaworker.aws.s3;

import io.mediaworker.model.InvalidInputException;
import io.mediaworker.model.TransientException;
import io.mediaworker.model.UsageException;
import io.mediaworker.model.WorkerException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns an S3 failure into the exit-code class a person (and Batch's retry strategy) can act on. */
final class S3Errors {
    private S3Errors() {}

    static WorkerException translate(String what, Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof WorkerException we) return we;
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "" : ase.awsErrorDetails().errorCode();
            String detail = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
            String msg = what + ": " + ase.statusCode() + (code == null || code.isEmpty() ? "" : " " + code)
                    + (detail == null || detail.isBlank() ? "" : " (" + detail.replace('\n', ' ') + ")");
            return switch (ase.statusCode()) {
                case 404 -> new InvalidInputException(what + ": no such bucket or object");
                case 301, 400, 403 -> new UsageException(msg + " (check the bucket name, its region, the expected owner and this role's permissions)");
                default -> new TransientException(msg, ase);
            };
        }
        return new TransientException(what + ": " + e.getMessage(), e);
    }

    /** 404 on HeadObject: nothing there yet. */
    static boolean isNotFound(Throwable t) {
        return unwrap(t) instanceof AwsServiceException ase && ase.statusCode() == 404;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
        return e;
    }
}
