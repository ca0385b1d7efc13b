package io.mediaworker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mediaworker.aws.batch.BatchClients;
import io.mediaworker.aws.batch.BatchJobSubmitter;
import io.mediaworker.aws.batch.PipelinePlanner;
import io.mediaworker.aws.batch.PipelineSettings;
import io.mediaworker.aws.batch.PipelineSource;
import io.mediaworker.aws.batch.PipelineSubmission;
import io.mediaworker.aws.batch.SubmissionJson;
import io.mediaworker.aws.batch.TranscodeTarget;
import io.mediaworker.content.Json;
import io.mediaworker.model.AssetId;
import io.mediaworker.model.UsageException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.batch.BatchClient;

@Command(name = "submit", mixinStandardHelpOptions = true,
        header = "Submit ingest, transcode, qc and deliver of a source to AWS Batch; print the job ids as JSON.",
        description = "Submits the four stage jobs, each depending on the one before, the transcode on the GPU or the CPU queue. "
                + "The asset id is derived from the source's name and version (or --asset-id) and passed to every job with the content root. "
                + "While a pipeline for the asset is in flight (the status table says so) nothing is submitted. --dry-run prints the requests instead.",
        footerHeading = "%nExit codes:%n", footer = ExitCodes.TABLE)
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand RootCommand root;

    @Parameters(paramLabel = "SOURCE", description = "s3://bucket/key, or an absolute path the ingest job can read (on the content file system).")
    String source;

    @Option(names = "--source-version", paramLabel = "VERSION", description = "The S3 object's version id or ETag: a new upload to the same key is a new asset.")
    String sourceVersion;

    @Option(names = "--asset-id", paramLabel = "ID", description = "Use this asset id instead of one derived from the source.")
    String assetId;

    @Option(names = "--job-queue", paramLabel = "QUEUE", defaultValue = "${env:MEDIA_JOB_QUEUE:-" + PipelineSettings.DEFAULT_CPU_QUEUE + "}",
            description = "Queue for ingest, qc, deliver and a CPU transcode (env MEDIA_JOB_QUEUE, default ${DEFAULT-VALUE}).")
    String jobQueue;

    @Option(names = "--gpu-queue", paramLabel = "QUEUE", defaultValue = "${env:MEDIA_GPU_JOB_QUEUE:-" + PipelineSettings.DEFAULT_GPU_QUEUE + "}",
            description = "Queue for a GPU transcode (env MEDIA_GPU_JOB_QUEUE, default ${DEFAULT-VALUE}).")
    String gpuQueue;

    @Option(names = "--transcode-on", paramLabel = "gpu|cpu", defaultValue = "${env:MEDIA_TRANSCODE_ON:-cpu}",
            description = "Run the transcode job on the GPU queue with the GPU job definition, or on the CPU ones (env MEDIA_TRANSCODE_ON, default ${DEFAULT-VALUE}).")
    TranscodeTarget transcodeOn;

    @Option(names = "--job-definition-prefix", paramLabel = "PREFIX", defaultValue = "${env:MEDIA_JOB_DEFINITION_PREFIX:-" + PipelineSettings.DEFAULT_PREFIX + "}",
            description = "Prefix of the job definitions (PREFIXingest, PREFIXtranscode-gpu…) and job names (env MEDIA_JOB_DEFINITION_PREFIX, default ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--deliver-to", paramLabel = "DEST", defaultValue = "${env:DELIVER_TO}",
            description = "Destination for the deliver job (env DELIVER_TO; default: deliver.json's deliverTo parameter).")
    String deliverTo;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Batch endpoint (default: the SDK's, or AWS_ENDPOINT_URL_BATCH); region and credentials come from the SDK's default chains.")
    URI endpoint;

    @Option(names = "--dry-run", description = "Print the SubmitJob requests as JSON; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws JsonProcessingException {
        PipelineSource pipelineSource = pipelineSource();
        AssetId id = assetId != null ? AssetId.of(assetId) : pipelineSource.derivedAssetId();
        PipelineSettings settings = new PipelineSettings(jobQueue, gpuQueue, transcodeOn, prefix, root.contentRoot.toString(),
                Optional.ofNullable(deliverTo).filter(s -> !s.isBlank()));
        PrintWriter out = root.spec.commandLine().getOut();
        if (dryRun) {
            out.println(Json.MAPPER.writeValueAsString(SubmissionJson.requests(PipelinePlanner.plan(pipelineSource, id, settings))));
        } else {
            try (BatchClient batch = BatchClients.create(Optional.ofNullable(endpoint))) {
                PipelineSubmission submission = new PipelineSubmission(settings, root.contexts().pipelineRegistry(root.statusTable),
                        new BatchJobSubmitter(batch), Clock.systemUTC());
                out.println(Json.MAPPER.writeValueAsString(SubmissionJson.result(submission.submit(pipelineSource, id))));
            }
        }
        out.flush();
        return 0;
    }

    private PipelineSource pipelineSource() {
        if (!source.startsWith("s3://") && !source.startsWith("/")) {
            throw new UsageException("source '" + source + "': give s3://bucket/key or an absolute path the Batch job can read");
        }
        if (source.startsWith("s3://") && !source.substring(5).matches("[^/]+/.*[^/]")) {
            throw new UsageException("source '" + source + "': an S3 source is s3://bucket/key, with a key that does not end in /");
        }
        return new PipelineSource(source, Optional.ofNullable(sourceVersion));
    }
}
