package io.mediaworker.aws.s3;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.content.ContentTree;
import io.mediaworker.manifest.DeliveredObject;
import io.mediaworker.manifest.FileRecord;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.TransientException;
import io.mediaworker.transfer.Destination;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import io.mediaworker.aws.AwsSettings;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * Delivers to {@code s3://bucket/prefix/<assetId>/<file>} through the transfer manager: a file below
 * the multipart threshold is one PUT carrying its SHA-256, a larger one goes up in parallel parts
 * with a full-object CRC32C (or per-part CRC32Cs, {@link AwsSettings.MultipartChecksum}), so the
 * store itself rejects bytes that do not match. Each object gets its
 * Content-Type, the asset id and SHA-256 as metadata, optional SSE-KMS, and is sent with the
 * expected bucket owner when given.
 *
 * <p>A re-run is idempotent: an object already there whose stored checksum (or, where the store
 * keeps none, whose bytes read back) matches the file is left alone; anything else is uploaded
 * again. A PUT or a multipart completion is atomic per object, so a partial delivery never leaves a
 * corrupt object, only missing ones. Each object is verified after upload the same way.
 */
public final class S3Destination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(S3Destination.class);
    public static final String META_ASSET_ID = "asset-id";
    public static final String META_SHA256 = "sha256";

    /** What the user asked for beyond the prefix. */
    public record Options(Optional<String> sseKmsKeyId, Optional<String> expectedBucketOwner) {
        public static final Options NONE = new Options(Optional.empty(), Optional.empty());
    }

    private final S3Uri prefix;
    private final AwsClients aws;
    private final Options options;

    public S3Destination(S3Uri prefix, AwsClients aws, Options options) {
        this.prefix = prefix;
        this.aws = aws;
        this.options = options;
    }

    @Override public String describe() { return prefix.toString(); }

    @Override
    public List<FileRecord> deliver(AssetId id, List<Path> files) {
        return deliverRecorded(id, files).files();
    }

    @Override
    public Delivered deliverRecorded(AssetId id, List<Path> files) {
        List<FileRecord> records = new ArrayList<>();
        List<DeliveredObject> objects = new ArrayList<>();
        for (Path file : files) {
            S3Uri target = prefix.child(id.value() + "/" + file.getFileName());
            FileDigests local = digests(file, aws.settings().partSize());
            objects.add(deliverOne(id, file, target, local));
            // The object was just verified to hold these bytes, so their SHA-256 is the object's.
            records.add(new FileRecord(target.toString(), local.size(), local.sha256Hex()));
        }
        return new Delivered(records, objects);
    }

    private DeliveredObject deliverOne(AssetId id, Path file, S3Uri target, FileDigests local) {
        boolean multipart = local.size() >= aws.settings().multipartThreshold();
        Optional<HeadObjectResponse> existing = head(target, null);
        if (existing.isPresent()) {
            Optional<String> verified = verification(target, existing.get(), local, file);
            if (verified.isPresent()) {
                LOG.info("{} is already there with the same content ({}): not uploaded again", target, verified.get());
                return record(target, existing.get(), verified.get(), "already-present");
            }
            LOG.info("{} exists but differs from {}: uploading it again", target, file.getFileName());
        }
        upload(file, target, putRequest(id, file.getFileName().toString(), target, local, multipart, aws.settings().multipartChecksum(), options));
        HeadObjectResponse after = head(target, null).orElseThrow(() -> new TransientException("uploaded " + target + " but it is not there"));
        String verified = verification(target, after, local, file).orElseThrow(() -> new TransientException(
                "uploaded " + target + " but it does not match " + file.getFileName() + " (retry the delivery)"));
        LOG.info("delivered {} ({} bytes, {}, {})", target, local.size(), multipart ? "multipart" : "single part", verified);
        return record(target, after, verified, "uploaded");
    }

    /**
     * The upload as a request, decided without I/O. A single PUT carries the file's SHA-256 (S3
     * refuses the body if it does not hash to it). A multipart upload carries either the whole
     * file's CRC32C (a full-object checksum S3 checks on completion) or, for stores without those,
     * asks for a CRC32C per part (checked on each part; the composite is checked after).
     */
    static PutObjectRequest putRequest(AssetId id, String fileName, S3Uri target, FileDigests local, boolean multipart,
                                       AwsSettings.MultipartChecksum mode, Options options) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(target.bucket()).key(target.key())
                .contentType(ContentTypes.of(fileName))
                .metadata(Map.of(META_ASSET_ID, id.value(), META_SHA256, local.sha256Hex()));
        if (!multipart) put.checksumSHA256(local.sha256Base64());
        else if (mode == AwsSettings.MultipartChecksum.FULL_OBJECT) put.checksumCRC32C(local.crc32cBase64());
        else put.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
        options.sseKmsKeyId().ifPresent(k -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(k));
        options.expectedBucketOwner().ifPresent(put::expectedBucketOwner);
        return put.build();
    }

    private void upload(Path file, S3Uri target, PutObjectRequest put) {
        try {
            aws.transfers().uploadFile(UploadFileRequest.builder().putObjectRequest(put).source(file).build())
                    .completionFuture().join();
        } catch (RuntimeException e) {
            throw S3Errors.translate("cannot upload " + target, e);
        }
    }

    /**
     * How the object is known to hold exactly the local file's bytes, or empty if it does not: the
     * stored full-object checksum when the store keeps one, a composite CRC32C recomputed from the
     * object's own part size, else its bytes read back and hashed.
     */
    private Optional<String> verification(S3Uri target, HeadObjectResponse h, FileDigests local, Path file) {
        if (h.contentLength() == null || h.contentLength() != local.size()) return Optional.empty();
        if (fullObject(h.checksumSHA256())) {
            return h.checksumSHA256().equals(local.sha256Base64()) ? Optional.of("checksum-sha256") : Optional.empty();
        }
        if (fullObject(h.checksumCRC32C())) {
            return h.checksumCRC32C().equals(local.crc32cBase64()) ? Optional.of("checksum-crc32c") : Optional.empty();
        }
        if (h.checksumCRC32C() != null && h.checksumCRC32C().contains("-")) {
            // S3 reports a part's own length on HEAD with a part number; a store that reports the whole
            // object there instead (S3Mock) leaves our own part size as the best guess.
            long partOne = head(target, 1).map(HeadObjectResponse::contentLength).orElse(0L);
            long partSize = partOne > 0 && partOne < local.size() ? partOne : aws.settings().partSize();
            FileDigests asParts = partSize == aws.settings().partSize() ? local : digests(file, partSize);
            return h.checksumCRC32C().equals(asParts.compositeCrc32c()) ? Optional.of("checksum-crc32c-composite") : Optional.empty();
        }
        return readBackSha256(target, h).equals(local.sha256Hex()) ? Optional.of("read-back-sha256") : Optional.empty();
    }

    private static boolean fullObject(String checksum) {
        return checksum != null && !checksum.isBlank() && !checksum.contains("-");
    }

    private String readBackSha256(S3Uri target, HeadObjectResponse h) {
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(target.bucket()).key(target.key()).ifMatch(h.eTag());
        options.expectedBucketOwner().ifPresent(get::expectedBucketOwner);
        try (InputStream in = new DigestInputStream(aws.s3().getObject(get.build(), AsyncResponseTransformer.toBlockingInputStream()).join(),
                sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | RuntimeException e) {
            throw S3Errors.translate("cannot read back " + target, e);
        }
    }

    private Optional<HeadObjectResponse> head(S3Uri target, Integer partNumber) {
        HeadObjectRequest.Builder b = HeadObjectRequest.builder().bucket(target.bucket()).key(target.key()).checksumMode(ChecksumMode.ENABLED)
                .partNumber(partNumber);
        options.expectedBucketOwner().ifPresent(b::expectedBucketOwner);
        try {
            return Optional.of(aws.s3().headObject(b.build()).join());
        } catch (RuntimeException e) {
            if (S3Errors.isNotFound(e)) return Optional.empty();
            throw S3Errors.translate("cannot look up " + target, e);
        }
    }

    private static DeliveredObject record(S3Uri target, HeadObjectResponse h, String verifiedBy, String action) {
        boolean sha = fullObject(h.checksumSHA256());
        boolean crc = h.checksumCRC32C() != null && !h.checksumCRC32C().isBlank();
        String algorithm = sha ? "SHA256" : crc ? "CRC32C" : "none";
        String checksum = sha ? h.checksumSHA256() : crc ? h.checksumCRC32C() : "";
        return new DeliveredObject(target.toString(), Optional.ofNullable(h.versionId()), h.eTag(), algorithm, checksum, verifiedBy, action);
    }

    private static FileDigests digests(Path file, long partSize) {
        try {
            return FileDigests.of(file, partSize);
        } catch (IOException e) {
            throw ContentTree.storageFault("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
