package io.mediaworker.aws.s3;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.content.HashingCopy;
import io.mediaworker.manifest.SourceObject;
import io.mediaworker.model.TransientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.model.DownloadFileRequest;

/**
 * A source that is one S3 object. It is looked up once (HeadObject: version id, ETag, size and
 * stored checksum), then downloaded through the transfer manager straight into the staging file,
 * pinned to that version and ETag so a concurrent overwrite fails the download instead of mixing
 * two objects, and the file is checked against the strongest digest S3 holds for it.
 */
public final class S3ObjectSource implements io.mediaworker.transfer.Source {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectSource.class);

    private final S3Uri uri;
    private final AwsClients aws;
    private final Optional<String> expectedBucketOwner;
    private HeadObjectResponse head;
    private SourceObject object;

    public S3ObjectSource(S3Uri uri, AwsClients aws, Optional<String> expectedBucketOwner) {
        if (uri.key().isEmpty() || uri.key().endsWith("/")) {
            throw new io.mediaworker.model.UsageException("an S3 source names one object, not a prefix: " + uri);
        }
        this.uri = uri;
        this.aws = aws;
        this.expectedBucketOwner = expectedBucketOwner;
    }

    @Override public String location() { return uri.toString(); }

    @Override public String fileName() { return uri.fileName(); }

    @Override
    public synchronized Optional<SourceObject> object() {
        HeadObjectResponse h = head();
        if (object == null) object = new SourceObject(uri.bucket(), uri.key(), Optional.ofNullable(h.versionId()), h.eTag(), "pending");
        return Optional.of(object);
    }

    @Override
    public InputStream open() {
        try {
            return aws.s3().getObject(get(), AsyncResponseTransformer.toBlockingInputStream()).join();
        } catch (RuntimeException e) {
            throw S3Errors.translate("cannot read " + uri, e);
        }
    }

    @Override
    public HashingCopy.Result copyTo(Path target) throws IOException {
        HeadObjectResponse h = head();
        try {
            aws.transfers().downloadFile(DownloadFileRequest.builder().getObjectRequest(get()).destination(target).build())
                    .completionFuture().join();
        } catch (RuntimeException e) {
            throw S3Errors.translate("cannot download " + uri, e);
        }
        // The transfer manager writes but does not fsync; the published copy must survive a crash.
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        // A multipart object's digests depend on its part size. S3 tells it (HEAD of part 1); a store
        // that answers with the whole length instead leaves our own part size as a guess.
        boolean multipart = (h.eTag() != null && h.eTag().contains("-")) || (h.checksumCRC32C() != null && h.checksumCRC32C().contains("-"));
        long partOne = multipart ? firstPartSize() : 0;
        boolean partSizeKnown = partOne > 0 && h.contentLength() != null && partOne < h.contentLength();
        long partSize = partSizeKnown ? partOne : multipart ? aws.settings().partSize() : 0;
        FileDigests d = FileDigests.of(target, partSize);
        String verifiedBy = verify(uri, h, d, partSizeKnown);
        LOG.info("downloaded {} ({} bytes, version {}, verified by {})", uri, d.size(), h.versionId(), verifiedBy);
        synchronized (this) {
            object = new SourceObject(uri.bucket(), uri.key(), Optional.ofNullable(h.versionId()), h.eTag(), verifiedBy);
        }
        return new HashingCopy.Result(d.size(), d.sha256Hex());
    }

    /**
     * Which stored digest the downloaded bytes match, strongest first; a mismatch is a transfer
     * fault (exit 4: a retry downloads again). {@code size-only} when the store keeps nothing
     * comparable (SSE-KMS ETags are not MD5s, and some stores compute no checksums).
     */
    static String verify(S3Uri uri, HeadObjectResponse h, FileDigests d, boolean partSizeKnown) {
        if (h.contentLength() != null && h.contentLength() != d.size()) {
            throw mismatch(uri, "size", h.contentLength().toString(), Long.toString(d.size()));
        }
        boolean fullObject = h.checksumType() == null || h.checksumType() == ChecksumType.FULL_OBJECT;
        if (fullObject && present(h.checksumSHA256()) && !h.checksumSHA256().contains("-")) {
            check(uri, "SHA-256", h.checksumSHA256(), d.sha256Base64());
            return "checksum-sha256";
        }
        if (fullObject && present(h.checksumCRC32C()) && !h.checksumCRC32C().contains("-")) {
            check(uri, "CRC32C", h.checksumCRC32C(), d.crc32cBase64());
            return "checksum-crc32c";
        }
        if (fullObject && present(h.checksumCRC32()) && !h.checksumCRC32().contains("-")) {
            check(uri, "CRC32", h.checksumCRC32(), d.crc32Base64());
            return "checksum-crc32";
        }
        if (present(h.checksumCRC32C()) && h.checksumCRC32C().contains("-") && !d.compositeCrc32c().isEmpty()
                && partDigest(uri, "composite CRC32C", h.checksumCRC32C(), d.compositeCrc32c(), partSizeKnown)) {
            return "checksum-crc32c-composite";
        }
        String etag = h.eTag() == null ? "" : h.eTag().replace("\"", "");
        boolean kms = h.serverSideEncryption() != null && h.serverSideEncryption().toString().startsWith("aws:kms");
        if (!kms && etag.matches("[0-9a-f]{32}")) {
            check(uri, "ETag (MD5)", etag, d.md5Hex());
            return "etag-md5";
        }
        if (!kms && etag.matches("[0-9a-f]{32}-\\d+") && !d.multipartETag().isEmpty()
                && partDigest(uri, "multipart ETag", etag, d.multipartETag(), partSizeKnown)) {
            return "etag-multipart";
        }
        LOG.warn("{}: the store holds no checksum or ETag this worker can recompute; only the size was checked", uri);
        return "size-only";
    }

    /**
     * A per-part digest: a mismatch is corruption when the store told the part size, and only a
     * wrong guess of it otherwise (then the check is skipped, with a warning).
     */
    private static boolean partDigest(S3Uri uri, String what, String stored, String computed, boolean partSizeKnown) {
        if (stored.equals(computed)) return true;
        if (partSizeKnown) throw mismatch(uri, what, stored, computed);
        LOG.warn("{}: {} not checked: the store did not tell the part size and the guess does not fit", uri, what);
        return false;
    }

    private static void check(S3Uri uri, String what, String stored, String computed) {
        if (!stored.equals(computed)) throw mismatch(uri, what, stored, computed);
    }

    private static TransientException mismatch(S3Uri uri, String what, String stored, String computed) {
        return new TransientException("download of " + uri + " is corrupt: " + what + " is " + computed
                + " but the object's is " + stored + " (retry the ingest)");
    }

    private static boolean present(String s) { return s != null && !s.isBlank(); }

    private synchronized HeadObjectResponse head() {
        if (head == null) head = headObject(null);
        return head;
    }

    /** A multipart object's first part size (HeadObject on part 1) gives the part size to recompute its ETag. */
    private long firstPartSize() {
        HeadObjectResponse part = headObject(1);
        return part.contentLength() == null ? 0 : part.contentLength();
    }

    private HeadObjectResponse headObject(Integer partNumber) {
        HeadObjectRequest.Builder b = HeadObjectRequest.builder().bucket(uri.bucket()).key(uri.key()).checksumMode(ChecksumMode.ENABLED)
                .partNumber(partNumber);
        expectedBucketOwner.ifPresent(b::expectedBucketOwner);
        if (head != null && head.versionId() != null) b.versionId(head.versionId());
        try {
            return aws.s3().headObject(b.build()).join();
        } catch (RuntimeException e) {
            throw S3Errors.translate("cannot read " + uri, e);
        }
    }

    private GetObjectRequest get() {
        HeadObjectResponse h = head();
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(uri.bucket()).key(uri.key()).ifMatch(h.eTag())
                .checksumMode(ChecksumMode.ENABLED);
        if (h.versionId() != null) b.versionId(h.versionId());
        expectedBucketOwner.ifPresent(b::expectedBucketOwner);
        return b.build();
    }
}
