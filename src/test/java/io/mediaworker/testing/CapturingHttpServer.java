package io.mediaworker.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP endpoint standing in for a service that cannot run here (SNS): it keeps every
 * request exactly as the SDK sent it and answers with a fixed, valid response body.
 */
public final class CapturingHttpServer implements AutoCloseable {
    /** One request as received: method, path, headers (lower-case names) and body. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** The body as {@code application/x-www-form-urlencoded} parameters (the AWS Query protocol). */
        public Map<String, String> form() {
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
            return params;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private CapturingHttpServer(HttpServer server) {
        this.server = server;
    }

    public static CapturingHttpServer start(String contentType, String responseBody) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CapturingHttpServer capture = new CapturingHttpServer(server);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            capture.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            byte[] out = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        return capture;
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    public List<Request> requests() { return new ArrayList<>(requests); }

    @Override
    public void close() {
        server.stop(0);
    }
}
