package io.mediaworker.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The handler strings the README tells people to configure name classes the Lambda Java runtime can instantiate and call. */
class LambdaHandlerNamesTest {
    @Test
    void everyDocumentedHandlerIsAStreamHandlerWithAPublicNoArgumentConstructor() throws Exception {
        Matcher m = Pattern.compile("(io\\.mediaworker\\.[A-Za-z.]+)::handleRequest").matcher(Files.readString(Path.of("README.md")));
        Set<String> documented = new TreeSet<>();
        while (m.find()) documented.add(m.group(1));
        assertEquals(Set.of(JobStateHandler.class.getName(), SourceEventHandler.class.getName()), documented);
        for (String name : documented) {
            Class<?> handler = Class.forName(name);
            assertTrue(RequestStreamHandler.class.isAssignableFrom(handler), name);
            assertTrue(Modifier.isPublic(handler.getModifiers()) && Modifier.isPublic(handler.getConstructor().getModifiers()), name);
        }
    }
}
