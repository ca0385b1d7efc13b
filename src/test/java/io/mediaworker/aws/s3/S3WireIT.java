package io.mediaworker.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.aws.AwsClients;
import io.mediaworker.aws.AwsSettings;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.UsageException;
import io.mediaworker.testing.LocalS3;
import io.mediaworker.testing.RecordingInterceptor;
import io.mediaworker.testing.SdkTestCredentials;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What S3Mock cannot check, checked on the SDK's own requests as they leave: the expected bucket
 * owner on every request, SSE-KMS on the multipart upload, and the full-object CRC32C that AWS S3
 * verifies on completion (S3Mock refuses it, adobe/S3Mock#2843, so that delivery fails here).
 */
class S3WireIT {
    static final String OWNER = "111122223333";
    static final long PART = 5L << 20;

    @TempDir static Path files;
    static LocalS3 s3;
    static Path big;
    static Path small;

    final RecordingInterceptor wire = new RecordingInterceptor();

    @BeforeAll
    static void start() throws Exception {
        SdkTestCredentials.install();
        s3 = LocalS3.start();
        s3.client().createBucket(b -> b.bucket("wire-out"));
        byte[] bytes = new byte[(int) (PART + 777_777)];
        new Random(3).nextBytes(bytes);
        big = Files.write(files.resolve("1080p.mp4"), bytes);
        small = Files.writeString(files.resolve("qc.json"), "{\"verdict\":\"PASS\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) s3.close();
    }

    @BeforeEach
    void clear() {
        wire.clear();
    }

    private AwsClients clients(String checksumMode) {
        return new AwsClients(AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint().toString(), "MEDIA_S3_PATH_STYLE", "true",
                "MEDIA_S3_MULTIPART_THRESHOLD", "5M", "MEDIA_S3_PART_SIZE", "5M", "MEDIA_S3_MULTIPART_CHECKSUM", checksumMode)), List.of(wire));
    }

    @Test
    void everyDeliveryRequestCarriesTheExpectedOwnerAndTheMultipartUploadItsEncryption() throws Exception {
        try (AwsClients aws = clients("composite")) {
            new S3Destination(S3Uri.parse("s3://wire-out/a/"), aws, new S3Destination.Options(Optional.of(LocalS3.KMS_KEY_ID), Optional.of(OWNER)))
                    .deliver(AssetId.of("wire00000000000000a1"), List.of(big, small));
        }
        List<RecordingInterceptor.Sent> sent = wire.sent();
        for (String op : List.of("HeadObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload", "PutObject")) {
            assertFalse(wire.sent(op).isEmpty(), op + " was sent: " + sent.stream().map(RecordingInterceptor.Sent::operation).toList());
        }
        for (RecordingInterceptor.Sent s : sent) {
            assertEquals(Optional.of(OWNER), s.header("x-amz-expected-bucket-owner"), s.operation() + " carries the expected owner");
        }
        RecordingInterceptor.Sent create = wire.sent("CreateMultipartUpload").get(0);
        assertEquals(Optional.of("aws:kms"), create.header("x-amz-server-side-encryption"));
        assertEquals(Optional.of(LocalS3.KMS_KEY_ID), create.header("x-amz-server-side-encryption-aws-kms-key-id"));
        assertEquals(Optional.of("CRC32C"), create.header("x-amz-checksum-algorithm"));
        assertEquals(2, wire.sent("UploadPart").size(), "two parts");
        RecordingInterceptor.Sent put = wire.sent("PutObject").get(0);
        assertEquals(Optional.of("aws:kms"), put.header("x-amz-server-side-encryption"));
    }

    @Test
    void fullObjectModeSendsTheWholeFilesCrc32cOnCompletion() throws Exception {
        try (AwsClients aws = clients("full-object")) {
            S3Destination dest = new S3Destination(S3Uri.parse("s3://wire-out/full/"), aws, S3Destination.Options.NONE);
            // S3Mock completes multipart uploads as composite only, so it refuses the full-object value.
            UsageException refused = assertThrows(UsageException.class, () -> dest.deliver(AssetId.of("wire00000000000000b2"), List.of(big)));
            assertTrue(refused.getMessage().contains("crc32c"), refused.getMessage());
        }
        RecordingInterceptor.Sent create = wire.sent("CreateMultipartUpload").get(0);
        assertEquals(Optional.of("FULL_OBJECT"), create.header("x-amz-checksum-type"));
        assertEquals(Optional.of("CRC32C"), create.header("x-amz-checksum-algorithm"));
        List<RecordingInterceptor.Sent> complete = wire.sent("CompleteMultipartUpload");
        assertFalse(complete.isEmpty());
        assertEquals(Optional.of(crc32cBase64(Files.readAllBytes(big))), complete.get(0).header("x-amz-checksum-crc32c"),
                "the whole file's CRC32C, computed here independently");
        assertEquals(Optional.of("FULL_OBJECT"), complete.get(0).header("x-amz-checksum-type"));
        assertEquals(0, s3.client().listObjectsV2(b -> b.bucket("wire-out").prefix("full/")).keyCount(), "nothing half-delivered is visible");
    }

    @Test
    void anS3SourceIsReadWithTheExpectedOwnerPinnedToItsETag() throws Exception {
        s3.client().putObject(b -> b.bucket("wire-out").key("in/clip.mp4"), RequestBody.fromFile(small));
        String eTag = s3.client().headObject(b -> b.bucket("wire-out").key("in/clip.mp4")).eTag();
        try (AwsClients aws = clients("composite")) {
            S3ObjectSource source = new S3ObjectSource(S3Uri.parse("s3://wire-out/in/clip.mp4"), aws, Optional.of(OWNER));
            source.copyTo(files.resolve("downloaded.bin"));
        }
        assertEquals(Files.readString(small), Files.readString(files.resolve("downloaded.bin")));
        List<RecordingInterceptor.Sent> gets = wire.sent("GetObject");
        assertFalse(gets.isEmpty());
        for (RecordingInterceptor.Sent s : wire.sent()) {
            assertEquals(Optional.of(OWNER), s.header("x-amz-expected-bucket-owner"), s.operation());
        }
        assertEquals(Optional.of(eTag), gets.get(0).header("If-Match"), "a concurrent overwrite fails the download");
    }

    private static String crc32cBase64(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }
}
