package io.mediaworker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;

/**
 * AWS Batch's REST API as far as submitting goes, on loopback: SubmitJob answers a fresh job id
 * (remembered by job name, so a test can check each dependsOn against the id Batch really gave),
 * TerminateJob answers OK, and a job name given to {@link #refuse} is refused the way Batch refuses
 * (400, ClientException). Every request is recorded as the SDK sent it.
 */
public final class RecordingBatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> idsByName = new ConcurrentHashMap<>();
    private volatile Optional<String> refused = Optional.empty();
    private final RecordingHttpServer server;

    public RecordingBatch() throws IOException {
        server = new RecordingHttpServer(this::answer);
    }

    private RecordingHttpServer.Response answer(RecordingHttpServer.Request request) {
        JsonNode body = parse(request.body());
        if (request.path().equals("/v1/submitjob")) {
            String name = body.path("jobName").asText();
            if (refused.filter(name::startsWith).isPresent()) {
                return new RecordingHttpServer.Response(400, "application/json", "{\"__type\":\"ClientException\",\"message\":\"Job queue is disabled\"}");
            }
            String id = UUID.randomUUID().toString();
            idsByName.put(name, id);
            return RecordingHttpServer.Response.json("{\"jobArn\":\"arn:aws:batch:eu-west-1:123456789012:job/" + id
                    + "\",\"jobName\":\"" + name + "\",\"jobId\":\"" + id + "\"}");
        }
        if (request.path().equals("/v1/terminatejob")) return RecordingHttpServer.Response.json("{}");
        return new RecordingHttpServer.Response(404, "application/json", "{\"message\":\"no such operation\"}");
    }

    public void refuse(String jobNamePrefix) { refused = Optional.of(jobNamePrefix); }

    public URI endpoint() { return server.endpoint(); }

    /** A client for this endpoint with fixed test credentials, as a deployment's default chain would give. */
    public BatchClient client() {
        return BatchClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"))).build();
    }

    /** The id Batch gave the job of that name. */
    public String idOf(String jobName) { return idsByName.get(jobName); }

    public List<RecordingHttpServer.Request> requests() { return server.requests(); }

    /** The JSON bodies of the requests to one operation's path, in the order they came. */
    public List<JsonNode> bodies(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path)).map(r -> parse(r.body())).toList();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() { server.close(); }
}
