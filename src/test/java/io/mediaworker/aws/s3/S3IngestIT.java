package io.mediaworker.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaworker.content.Json;
import io.mediaworker.testing.CliResult;
import io.mediaworker.testing.FileState;
import io.mediaworker.testing.GeneratedMedia;
import io.mediaworker.testing.JarLauncher;
import io.mediaworker.testing.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code ingest s3://bucket/key} through the packaged jar against a real S3-compatible server on
 * loopback: the stored copy has the uploaded bytes, the manifest names the exact object, the same
 * object again is the same asset without a second copy, and a changed object is a new asset.
 */
class S3IngestIT {
    @TempDir static Path mediaDir;
    static LocalS3 s3;
    static Path clip;

    @TempDir Path content;

    @BeforeAll
    static void start() throws Exception {
        GeneratedMedia.assumeFfmpeg();
        clip = new GeneratedMedia(mediaDir).mp4();
        s3 = LocalS3.start();
        s3.client().createBucket(b -> b.bucket("media-in"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) s3.close();
    }

    @Test
    void ingestsAnObjectAndRecordsWhichOneItWas() throws Exception {
        s3.client().putObject(b -> b.bucket("media-in").key("clips/day 1/camera.mp4").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromFile(clip));
        HeadObjectResponse head = s3.client().headObject(b -> b.bucket("media-in").key("clips/day 1/camera.mp4"));

        CliResult r = ingest("s3://media-in/clips/day 1/camera.mp4");
        assertEquals(0, r.exitCode(), r.describe());
        String id = r.stdout().strip();
        Path folder = content.resolve("ingest").resolve(id);
        Path stored = folder.resolve("source.mp4");
        assertEquals(FileState.sha256(clip), FileState.sha256(stored), "the stored copy holds the uploaded bytes");
        assertEquals(FileState.sha256(clip).substring(0, 20), id, "the id still comes from the bytes' SHA-256");

        JsonNode source = Json.MAPPER.readTree(folder.resolve("manifest.json").toFile()).get("source");
        assertEquals("s3://media-in/clips/day 1/camera.mp4", source.get("location").asText());
        assertEquals("camera.mp4", source.get("originalName").asText());
        assertEquals(Files.size(clip), source.get("size").asLong());
        JsonNode object = source.get("object");
        assertEquals("media-in", object.get("bucket").asText());
        assertEquals("clips/day 1/camera.mp4", object.get("key").asText());
        assertEquals(head.eTag(), object.get("eTag").asText());
        // The object was put with a SHA-256: the download is checked against the strongest digest S3 holds.
        assertEquals("checksum-sha256", object.get("verifiedBy").asText());

        FileState before = FileState.of(stored);
        CliResult again = ingest("s3://media-in/clips/day 1/camera.mp4");
        assertEquals(0, again.exitCode(), again.describe());
        assertEquals(id, again.stdout().strip(), "the same object is the same asset");
        assertEquals(before, FileState.of(stored), "nothing was copied again");
        assertEquals(List.of(id), FileState.entriesUnder(content.resolve("ingest")).stream().filter(e -> !e.contains("/")).toList(),
                "one asset folder");
        assertEquals(List.of(), FileState.entriesUnder(content.resolve(".work")), "no staging left behind");
    }

    @Test
    void aChangedObjectUnderTheSameKeyIsANewAsset() throws Exception {
        Path other = new GeneratedMedia(mediaDir).pal25();
        s3.client().putObject(b -> b.bucket("media-in").key("clips/rolling.mp4"), RequestBody.fromFile(clip));
        String first = ingest("s3://media-in/clips/rolling.mp4").stdout().strip();
        // This time without any checksum, as older tools write: only the MD5 ETag can vouch for the bytes.
        s3.clientWithoutChecksums().putObject(b -> b.bucket("media-in").key("clips/rolling.mp4"), RequestBody.fromFile(other));
        CliResult r = ingest("s3://media-in/clips/rolling.mp4");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode object = Json.MAPPER.readTree(content.resolve("ingest").resolve(r.stdout().strip()).resolve("manifest.json").toFile())
                .get("source").get("object");
        assertEquals("etag-md5", object.get("verifiedBy").asText());
        assertEquals(md5Hex(other), object.get("eTag").asText().replace("\"", ""), "a single-part ETag is the MD5 of the bytes");
        String second = r.stdout().strip();
        assertNotEquals(first, second);
        assertEquals(FileState.sha256(other), FileState.sha256(content.resolve("ingest").resolve(second).resolve("source.mp4")));
    }

    @Test
    void bytesThatDoNotMatchTheETagAreATransferFaultAndLeaveNothing() throws Exception {
        Path other = new GeneratedMedia(mediaDir).mp4();
        s3.clientWithoutChecksums().putObject(b -> b.bucket("media-in").key("clips/bitrot.mp4"), RequestBody.fromFile(other));
        // Flip one byte of what the server stores: it still serves the original MD5 ETag.
        byte[] original = Files.readAllBytes(other);
        Path stored;
        try (var files = Files.walk(s3.storageRoot())) {
            stored = files.filter(Files::isRegularFile).filter(f -> sameBytes(f, original)).findFirst().orElseThrow();
        }
        byte[] bad = original.clone();
        bad[bad.length / 2] ^= 0x5a;
        Files.write(stored, bad);

        CliResult r = ingest("s3://media-in/clips/bitrot.mp4");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.stderrLines().stream().anyMatch(l -> l.startsWith("media-worker: error: ") && l.contains("corrupt")), r.describe());
        assertEquals(List.of(), FileState.entriesUnder(content.resolve("ingest")), "no asset from corrupt bytes");
    }

    @Test
    void aMultipartObjectIsCheckedPartByPart() throws Exception {
        // Lossless x264 of a test pattern: a valid video of about 12 MB, so two 5 MiB parts and a short one.
        Path large = mediaDir.resolve("large.mp4");
        if (!Files.exists(large)) {
            io.mediaworker.testing.ExternalProgram.check(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=1280x720:rate=25", "-t", "7", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0",
                    "-pix_fmt", "yuv420p", large.toString()), 120);
        }
        byte[] bytes = Files.readAllBytes(large);
        assertTrue(bytes.length > 2 * PART, "big enough for three parts: " + bytes.length);
        putInParts(s3.client(), "clips/large-crc.mp4", bytes, true);
        putInParts(s3.clientWithoutChecksums(), "clips/large-plain.mp4", bytes, false);
        Map<String, String> env = new java.util.HashMap<>(s3.workerEnvironment());
        env.put("MEDIA_S3_PART_SIZE", "5M"); // the uploader's part size; S3Mock does not report it

        for (String[] c : List.of(new String[] {"clips/large-crc.mp4", "checksum-crc32c-composite"},
                new String[] {"clips/large-plain.mp4", "etag-multipart"})) {
            Path root = content.resolve(c[0].replace('/', '_'));
            CliResult r = JarLauncher.run(env, List.of("--content-root", root.toString(), "ingest", "s3://media-in/" + c[0]));
            assertEquals(0, r.exitCode(), r.describe());
            Path folder = root.resolve("ingest").resolve(r.stdout().strip());
            assertEquals(FileState.sha256(large), FileState.sha256(folder.resolve("source.mp4")));
            JsonNode object = Json.MAPPER.readTree(folder.resolve("manifest.json").toFile()).get("source").get("object");
            assertEquals(c[1], object.get("verifiedBy").asText(), c[0]);
            assertTrue(object.get("eTag").asText().replace("\"", "").endsWith("-3"), object.toString());
        }
    }

    static final int PART = 5 << 20;

    private static void putInParts(S3Client client, String key, byte[] bytes, boolean crc) {
        ChecksumAlgorithm algorithm = crc ? ChecksumAlgorithm.CRC32_C : null;
        String upload = client.createMultipartUpload(b -> b.bucket("media-in").key(key).checksumAlgorithm(algorithm)).uploadId();
        List<CompletedPart> parts = new java.util.ArrayList<>();
        for (int n = 1, off = 0; off < bytes.length; n++, off += PART) {
            int partNumber = n;
            byte[] part = java.util.Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + PART));
            UploadPartResponse up = client.uploadPart(b -> b.bucket("media-in").key(key).uploadId(upload).partNumber(partNumber)
                    .checksumAlgorithm(algorithm), RequestBody.fromBytes(part));
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(up.eTag()).checksumCRC32C(up.checksumCRC32C()).build());
        }
        client.completeMultipartUpload(b -> b.bucket("media-in").key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
    }

    private static boolean sameBytes(Path f, byte[] expected) {
        try {
            return Files.size(f) == expected.length && java.util.Arrays.equals(Files.readAllBytes(f), expected);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aMissingObjectIsInvalidInputWithOneLine() {
        CliResult r = ingest("s3://media-in/clips/nothing-here.mp4");
        assertEquals(3, r.exitCode(), r.describe());
        assertTrue(r.stderrLines().stream().anyMatch(l -> l.startsWith("media-worker: error: ") && l.contains("s3://media-in/clips/nothing-here.mp4")),
                r.describe());
    }

    private static String md5Hex(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    private CliResult ingest(String location) {
        return JarLauncher.run(s3.workerEnvironment(), List.of("--content-root", content.toString(), "ingest", location));
    }
}
