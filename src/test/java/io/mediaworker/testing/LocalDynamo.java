package io.mediaworker.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A real DynamoDB-compatible server on loopback: dynalite (npm, in-memory), started with node from
 * {@code .ci/node/node_modules} ({@code .ci/run} installs it). Tests are skipped, saying why, where
 * node or dynalite is missing. {@link #client()} is the test's own plain client.
 */
public final class LocalDynamo implements AutoCloseable {
    public static final Path DYNALITE = Path.of(".ci", "node", "node_modules", "dynalite", "cli.js").toAbsolutePath();

    private final Process process;
    private final int port;
    private final DynamoDbClient client;

    private LocalDynamo(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.of(LocalS3.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .build();
    }

    public static LocalDynamo start() throws Exception {
        assumeTrue(onPath("node"), "node is not installed: the DynamoDB tests need it to run dynalite (.ci/run installs it)");
        assumeTrue(Files.isRegularFile(DYNALITE), "dynalite is missing: run `npm ci --prefix .ci/node` (.ci/run does)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("node", DYNALITE.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("listening")) return line;
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line = ready.get(30, TimeUnit.SECONDS);
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("dynalite exited before listening on port " + port);
        }
        // Keep draining its output so it never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                while (out.readLine() != null) { /* discard */ }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        return new LocalDynamo(p, port);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + port); }

    public DynamoDbClient client() { return client; }

    /** The status table as scripts/create-status-table creates it: key assetId (string), on-demand billing. */
    public void createStatusTable(String name) {
        client.createTable(b -> b.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("assetId").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("assetId").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    /** What a worker process needs to reach it through the SDK's own variables. */
    public Map<String, String> workerEnvironment() {
        return Map.of("AWS_ENDPOINT_URL_DYNAMODB", endpoint().toString());
    }

    @Override
    public void close() throws Exception {
        client.close();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
