package io.mediaworker.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.aws.batch.PipelineSubmission;
import io.mediaworker.aws.batch.SubmissionJson;
import io.mediaworker.content.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler {@code io.mediaworker.aws.lambda.SourceEventHandler::handleRequest}: an S3
 * ObjectCreated notification, S3's "Object Created" or a file gateway's "Storage Gateway Object
 * Upload Event" through EventBridge. Each object the {@link SourceKeyPolicy} accepts is claimed in
 * the status table and its four jobs submitted; a duplicate event finds the claim and submits
 * nothing. Answers a JSON summary. A Batch failure is thrown, so Lambda retries the event; the
 * claim was released and the jobs already submitted terminated, so the retry starts afresh.
 */
public final class SourceEventHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SourceEventHandler.class);

    private final PipelineSubmission submission;
    private final SourceKeyPolicy policy;

    /** Lambda's: everything from the function's environment (see the README's deployment section). */
    public SourceEventHandler() {
        this(LambdaWiring.submission(System.getenv()), SourceKeyPolicy.fromEnvironment(System.getenv()));
    }

    public SourceEventHandler(PipelineSubmission submission, SourceKeyPolicy policy) {
        this.submission = submission;
        this.policy = policy;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        ObjectNode summary = Json.MAPPER.createObjectNode();
        ArrayNode started = summary.putArray("started");
        ArrayNode inFlight = summary.putArray("inFlight");
        ArrayNode skipped = summary.putArray("skipped");
        for (SourceObject object : SourceEvents.objects(event)) {
            Optional<String> rejection = policy.rejection(object);
            if (rejection.isPresent()) {
                LOG.info("{} ({}): skipped, {}", object.location(), object.eventName(), rejection.get());
                skipped.addObject().put("source", object.location()).put("reason", rejection.get());
                continue;
            }
            PipelineSubmission.Result result = submission.submit(object.pipelineSource(), object.pipelineSource().derivedAssetId());
            (result.started() ? started : inFlight).add(SubmissionJson.result(result));
        }
        Json.MAPPER.writeValue(output, summary);
    }
}
