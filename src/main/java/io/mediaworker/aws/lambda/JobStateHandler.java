package io.mediaworker.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaworker.aws.batch.JobStateChange;
import io.mediaworker.aws.batch.PipelineMessage;
import io.mediaworker.aws.batch.PipelineNotifier;
import io.mediaworker.aws.batch.PipelineOutcome;
import io.mediaworker.aws.batch.PipelineRegistry;
import io.mediaworker.aws.batch.PipelineRegistryProvider;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.content.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda handler {@code io.mediaworker.aws.lambda.JobStateHandler::handleRequest}: a "Batch Job
 * State Change" event. Records the job's new state in the status table and, when the change ends
 * the pipeline (deliver succeeded, or a job failed), sends one notification. The table decides
 * whether the change is new: a repeated or late event records nothing and notifies no one.
 */
public final class JobStateHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JobStateHandler.class);

    private final PipelineRegistry registry;
    private final PipelineNotifier notifier;
    private final String namePrefix;

    /** Lambda's: everything from the function's environment (see the README's deployment section). */
    public JobStateHandler() {
        this(PipelineRegistryProvider.load(System.getenv()), LambdaWiring.notifier(System.getenv()),
                PipelineSettings.fromEnvironment(System.getenv()).namePrefix());
    }

    public JobStateHandler(PipelineRegistry registry, PipelineNotifier notifier, String namePrefix) {
        this.registry = registry;
        this.notifier = notifier;
        this.namePrefix = namePrefix;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        ObjectNode summary = Json.MAPPER.createObjectNode();
        JobStateEvents.Reading reading = JobStateEvents.read(event, namePrefix);
        if (reading instanceof JobStateEvents.Ours ours) handle(ours.event(), summary);
        else summary.put("ignored", ((JobStateEvents.NotOurs) reading).reason());
        Json.MAPPER.writeValue(output, summary);
    }

    private void handle(JobStateEvent event, ObjectNode summary) {
        JobStateChange change = event.change();
        summary.put("assetId", change.assetId().value()).put("stage", change.stage().id()).put("status", change.status());
        if (event.cascaded()) {
            // Recording it would name this job, not the one that failed, as the asset's failure.
            summary.put("ignored", "failed because the job it depends on failed; that job's event ended the pipeline");
            return;
        }
        boolean recorded = registry.recordJobState(change);
        summary.put("recorded", recorded);
        Optional<PipelineOutcome> outcome = event.outcome();
        if (recorded && outcome.isPresent()) {
            try {
                notifier.notify(outcome.get());
            } catch (RuntimeException e) {
                // The change is recorded, so Lambda's retry will not send it: the log keeps what it said.
                LOG.error("asset {}: notification not sent ({}): {}", change.assetId(), e.getMessage(), PipelineMessage.of(outcome.get()).body());
                throw e;
            }
            summary.put("notified", outcome.get().state().name());
        }
        LOG.info("asset {} {} job {} {}: {}", change.assetId(), change.stage().id(), change.jobId(), change.status(),
                recorded ? outcome.map(o -> "pipeline " + o.state() + ", notified").orElse("recorded") : "already recorded or older; nothing done");
    }
}
