package io.mediaworker.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.aws.lambda.SourceObject.Origin;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceKeyPolicyTest {
    private static final SourceKeyPolicy POLICY = SourceKeyPolicy.fromEnvironment(Map.of("MEDIA_SOURCE_PREFIX", "inbox/"));

    private static Optional<String> judge(SourceKeyPolicy policy, String bucket, String key, long size, Origin origin) {
        return policy.rejection(new SourceObject(bucket, key, Optional.of("v1"), OptionalLong.of(size), origin, "test"));
    }

    private static Optional<String> judge(String key) { return judge(POLICY, "media-in", key, 1000, Origin.S3_NOTIFICATION); }

    @Test
    void finishedMediaUnderThePrefixStartsAPipeline() {
        for (String key : new String[] {"inbox/ep01.mov", "inbox/shows/S01/ep 02 (final).MXF", "inbox/a.b.c.mp4", "inbox/ü/clip.mkv"}) {
            assertEquals(Optional.empty(), judge(key), key);
        }
    }

    @Test
    void temporaryHiddenAndSystemNamesDoNot() {
        for (String key : new String[] {"inbox/.ep01.mov.Xy12Ab", "inbox/._ep01.mov", "inbox/.DS_Store", "inbox/~$script.docx",
                "inbox/~WRL0001.tmp", "inbox/ep01.mov~", "inbox/ep01.mov.part", "inbox/ep01.mov.crdownload", "inbox/ep01.mov.filepart",
                "inbox/Thumbs.db", "inbox/.Trashes/ep01.mov", "inbox/sub/"}) {
            assertTrue(judge(key).isPresent(), key);
        }
    }

    @Test
    void keysOutsideThePrefixOrUnsafeOrNotMediaDoNot() {
        assertTrue(judge("outbox/ep01.mov").orElseThrow().contains("prefix"));
        assertTrue(judge("inbox/../etc/ep01.mov").orElseThrow().contains(".."));
        assertTrue(judge("inbox/ep\u000101.mov").orElseThrow().contains("control"));
        assertTrue(judge("inbox/notes.txt").orElseThrow().contains(".txt"));
        assertTrue(judge("inbox/README").orElseThrow().contains("no file extension"));
        assertTrue(judge(POLICY, "media-in", "inbox/ep01.mov", 0, Origin.S3_NOTIFICATION).orElseThrow().contains("empty"));
    }

    @Test
    void anyExtensionWhenToldSo() {
        SourceKeyPolicy any = SourceKeyPolicy.fromEnvironment(Map.of("MEDIA_SOURCE_EXTENSIONS", "*"));
        assertEquals(Optional.empty(), judge(any, "b", "notes.txt", 5, Origin.S3_NOTIFICATION));
        SourceKeyPolicy two = SourceKeyPolicy.fromEnvironment(Map.of("MEDIA_SOURCE_EXTENSIONS", "MXF, mov"));
        assertEquals(Set.of("mxf", "mov"), two.extensions());
    }

    @Test
    void aGatewayBucketsS3EventsWaitForTheGatewaysOwnEvent() {
        SourceKeyPolicy gateway = SourceKeyPolicy.fromEnvironment(Map.of("MEDIA_GATEWAY_BUCKETS", "share-bucket, other"));
        assertTrue(judge(gateway, "share-bucket", "ep02.mov", 10, Origin.S3_NOTIFICATION).orElseThrow().contains("file gateway"));
        assertTrue(judge(gateway, "share-bucket", "ep02.mov", 10, Origin.S3_EVENTBRIDGE).isPresent());
        assertEquals(Optional.empty(), judge(gateway, "share-bucket", "ep02.mov", 10, Origin.STORAGE_GATEWAY));
        assertEquals(Optional.empty(), judge(gateway, "media-in", "ep02.mov", 10, Origin.S3_NOTIFICATION));
    }
}
