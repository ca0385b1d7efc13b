package io.mediaworker.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mediaworker.aws.AwsSettings;
import io.mediaworker.model.AssetId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The upload request S3Destination builds for each case, before anything is sent. */
class S3DestinationTest {
    static final AssetId ID = AssetId.of("a1b2c3d4e5f60718293a");
    static final S3Uri TARGET = S3Uri.parse("s3://media-out/v1/a1b2c3d4e5f60718293a/720p.mp4");
    static final S3Destination.Options KMS_AND_OWNER = new S3Destination.Options(Optional.of("alias/media"), Optional.of("111122223333"));

    @TempDir Path dir;

    @Test
    void aSinglePutCarriesTheFilesSha256AndEverythingAskedFor() throws Exception {
        Path f = Files.writeString(dir.resolve("720p.mp4"), "not really a video");
        FileDigests d = FileDigests.of(f, 0);
        PutObjectRequest put = S3Destination.putRequest(ID, "720p.mp4", TARGET, d, false, AwsSettings.MultipartChecksum.FULL_OBJECT, KMS_AND_OWNER);
        assertEquals("media-out", put.bucket());
        assertEquals("v1/a1b2c3d4e5f60718293a/720p.mp4", put.key());
        assertEquals("video/mp4", put.contentType());
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))), put.checksumSHA256());
        assertEquals(Map.of("asset-id", ID.value(), "sha256", d.sha256Hex()), put.metadata());
        assertEquals(ServerSideEncryption.AWS_KMS, put.serverSideEncryption());
        assertEquals("alias/media", put.ssekmsKeyId());
        assertEquals("111122223333", put.expectedBucketOwner());
    }

    @Test
    void aMultipartUploadCarriesTheWholeFilesCrc32cOrAsksForOnePerPart() throws Exception {
        Path f = Files.writeString(dir.resolve("plan.json"), "{}");
        FileDigests d = FileDigests.of(f, 0);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update("{}".getBytes());
        String expected = Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());

        PutObjectRequest full = S3Destination.putRequest(ID, "plan.json", TARGET, d, true, AwsSettings.MultipartChecksum.FULL_OBJECT,
                S3Destination.Options.NONE);
        assertEquals(expected, full.checksumCRC32C());
        assertNull(full.checksumSHA256(), "SHA-256 cannot be a full-object multipart checksum");
        assertEquals("application/json", full.contentType());
        assertNull(full.serverSideEncryption());
        assertNull(full.expectedBucketOwner());

        PutObjectRequest composite = S3Destination.putRequest(ID, "plan.json", TARGET, d, true, AwsSettings.MultipartChecksum.COMPOSITE,
                S3Destination.Options.NONE);
        assertNull(composite.checksumCRC32C(), "a whole-file value would be sent as a full-object checksum");
        assertEquals(ChecksumAlgorithm.CRC32_C, composite.checksumAlgorithm());
    }

    @Test
    void contentTypesPlayersExpect() {
        assertEquals("application/vnd.apple.mpegurl", ContentTypes.of("master.M3U8"));
        assertEquals("video/mp2t", ContentTypes.of("seg-001.ts"));
        assertEquals("text/html; charset=utf-8", ContentTypes.of("qc.html"));
        assertEquals("application/octet-stream", ContentTypes.of("README"));
    }
}
