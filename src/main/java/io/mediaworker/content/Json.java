package io.mediaworker.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration for manifests, plans and reports: ISO-8601 times, absent Optionals left out. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** What is wrong with a user's JSON file, in its own terms: field names and values, not our class names. */
    public static String problem(com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"" + where + "; known: " + u.getKnownPropertyIds();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage() + where;
        }
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                ? "field \"" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "\": " : "";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return field + message.replaceAll("\\s*\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[a-z]+)+\\.([A-Za-z$]+)`", "$2") + where;
    }
}
