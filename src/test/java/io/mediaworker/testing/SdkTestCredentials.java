package io.mediaworker.testing;

/**
 * Region and dummy keys for in-process SDK clients, given the way the SDK's default chains read
 * them first (system properties), so code under test builds its clients exactly as in production.
 */
public final class SdkTestCredentials {
    private SdkTestCredentials() {}

    public static void install() {
        System.setProperty("aws.region", LocalS3.REGION);
        System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
        System.setProperty("aws.disableEc2Metadata", "true");
    }
}
