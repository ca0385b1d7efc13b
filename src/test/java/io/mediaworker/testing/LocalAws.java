package io.mediaworker.testing;

import io.mediaworker.aws.notify.SnsNotifierTest;
import java.util.HashMap;
import java.util.Map;

/**
 * The AWS a pipeline test needs, all on loopback: dynalite with the status table, an S3-compatible
 * server with the source and delivery buckets, and an SNS endpoint that records each Publish.
 */
public record LocalAws(LocalDynamo dynamo, LocalS3 s3, CapturingHttpServer sns) implements AutoCloseable {

    public static LocalAws start(String statusTable, String... buckets) throws Exception {
        LocalDynamo dynamo = LocalDynamo.start();
        dynamo.createStatusTable(statusTable);
        LocalS3 s3 = LocalS3.start();
        for (String bucket : buckets) s3.client().createBucket(b -> b.bucket(bucket));
        return new LocalAws(dynamo, s3, CapturingHttpServer.start("text/xml", SnsNotifierTest.RESPONSE));
    }

    /** The environment a worker process needs to reach these servers (no real credentials). */
    public Map<String, String> workerEnvironment() {
        Map<String, String> env = new HashMap<>(s3.workerEnvironment());
        env.putAll(dynamo.workerEnvironment());
        env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        env.put("MEDIA_S3_MULTIPART_CHECKSUM", "composite"); // S3Mock has no full-object multipart checksums
        return env;
    }

    @Override
    public void close() throws Exception {
        sns.close();
        s3.close();
        dynamo.close();
    }
}
