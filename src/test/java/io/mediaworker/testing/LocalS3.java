package io.mediaworker.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A real S3-compatible server in this JVM: Adobe S3Mock on free loopback ports, storing under a
 * temporary folder. It speaks the SDK's current wire format (aws-chunked bodies with trailing
 * checksums), stores and validates SHA-256/CRC32C checksums, full-object ones on multipart
 * completion included. {@link #client()} is an SDK client of the test's own to put and inspect
 * objects; {@link #workerEnvironment()} is what a child worker process needs to reach it through
 * the SDK's default chains (dummy keys; S3Mock does not check signatures).
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";
    /** The one KMS key S3Mock accepts for SSE-KMS (requests name it by id); any other key is refused, as AWS would. */
    public static final String KMS_KEY_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    public static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KMS_KEY_ID;

    private final S3MockApplication server;
    private final Path root;
    private final S3Client client;
    private final S3Client plainClient;

    private LocalS3(S3MockApplication server, Path root) {
        this.server = server;
        this.root = root;
        this.client = builder().build();
        // Sends no checksum unless an operation requires one: objects then carry only their MD5 ETag.
        this.plainClient = builder().requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
    }

    private S3ClientBuilder builder() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public static LocalS3 start() throws Exception {
        Path root = Files.createTempDirectory("s3mock-");
        Map<String, Object> props = new HashMap<>();
        props.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        props.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        props.put("server.address", "127.0.0.1");
        props.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
        props.put(S3MockApplication.PROP_SILENT, true);
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        S3MockApplication app = S3MockApplication.start(props);
        app.registerKMSKeyRef(KMS_KEY_ARN);
        return new LocalS3(app, root);
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.getHttpPort()); }

    public S3Client client() { return client; }

    /** The folder the server keeps its buckets in: tests corrupt stored bytes here to fake a bad disk or network. */
    public Path storageRoot() { return root; }

    /** A client that puts objects without any checksum (as older tools and gateways do). */
    public S3Client clientWithoutChecksums() { return plainClient; }

    /** Endpoint, path-style access, region and dummy keys, all through the variables the SDK itself reads. */
    public Map<String, String> workerEnvironment() {
        return Map.of("AWS_ENDPOINT_URL_S3", endpoint().toString(),
                "MEDIA_S3_PATH_STYLE", "true",
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    @Override
    public void close() throws Exception {
        client.close();
        plainClient.close();
        server.stop();
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
