package io.mediaworker.aws.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The event fixtures in src/test/resources/events/ (shapes as AWS documents them), and a handler call as Lambda makes it. */
final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {}

    static byte[] bytes(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands the fixture's bytes to the handler as the Lambda runtime does and reads its answer. */
    static JsonNode invoke(RequestStreamHandler handler, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(bytes(name)), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
