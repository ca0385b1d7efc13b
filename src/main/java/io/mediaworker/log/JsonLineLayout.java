package io.mediaworker.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.event.KeyValuePair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line for CloudWatch Logs: time, level, logger, message, every MDC field
 * (asset id, stage, attempt, Batch job id), the event's key-value pairs as top-level fields (so a
 * stage's figures form a CloudWatch EMF object, see {@code metrics.StageMetrics}) and the stack
 * trace when there is one.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String doLayout(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("message", Redaction.redact(event.getFormattedMessage()));
        line.putAll(event.getMDCPropertyMap());
        // Structured fields (the stage figures' EMF members among them) go to the top level, where CloudWatch reads them.
        List<KeyValuePair> fields = event.getKeyValuePairs();
        if (fields != null) for (KeyValuePair kv : fields) line.put(kv.key, kv.value);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) line.put("error", Redaction.redact(ThrowableProxyUtil.asString(error)));
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unloggable event\"}\n";
        }
    }
}
