package io.mediaworker.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Keeps every HTTP request an SDK client sends, as signed and about to go on the wire: the
 * operation, the method, the path, the query and the headers. For checks a local server cannot
 * make (it ignores a header, or lacks a feature).
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
    /** One request: the SDK's operation name and the HTTP request. */
    public record Sent(String operation, SdkHttpRequest http) {
        public Optional<String> header(String name) {
            return http.firstMatchingHeader(name);
        }

        public Map<String, List<String>> query() { return http.rawQueryParameters(); }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.httpRequest()));
    }

    public List<Sent> sent() { return new ArrayList<>(sent); }

    public List<Sent> sent(String operation) {
        return sent.stream().filter(s -> s.operation().toLowerCase(Locale.ROOT).equals(operation.toLowerCase(Locale.ROOT))).toList();
    }

    public void clear() { sent.clear(); }
}
