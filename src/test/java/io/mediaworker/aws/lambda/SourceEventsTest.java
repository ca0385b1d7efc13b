package io.mediaworker.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaworker.aws.lambda.SourceObject.Origin;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SourceEventsTest {
    @Test
    void anS3NotificationsKeyIsFormDecodedAndTheVersionIdBeatsTheETag() {
        assertEquals(List.of(new SourceObject("media-in", "shows/ep 01\u00e9.mov", Optional.of("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"),
                OptionalLong.of(73400320), Origin.S3_NOTIFICATION, "ObjectCreated:Put")), SourceEvents.objects(Events.json("s3-put.json")));
    }

    @Test
    void withoutAVersionIdTheETagTellsUploadsApart() {
        assertEquals(Optional.of("9b2cf535f27731c974343645a3985328-7"),
                SourceEvents.objects(Events.json("gateway-s3-copy-renamed.json")).get(0).revision());
    }

    @Test
    void eventBridgeCarriesTheKeyAsWritten() {
        assertEquals(List.of(new SourceObject("media-in", "trailers/launch cut.mxf", Optional.of("b1946ac92492d2347c6235b4d2611184"),
                OptionalLong.of(1048576), Origin.S3_EVENTBRIDGE, "Object Created:PutObject")),
                SourceEvents.objects(Events.json("s3-eventbridge-object-created.json")));
    }

    @Test
    void aGatewayUploadIsNamedByItsModificationTime() {
        assertEquals(List.of(new SourceObject("share-bucket", "projects/promo/ep02.mov", Optional.of("2026-12-04T05:40:58Z"),
                OptionalLong.of(52428800), Origin.STORAGE_GATEWAY, "object-upload-complete")),
                SourceEvents.objects(Events.json("gateway-upload-renamed.json")));
    }

    @Test
    void removalsAndOtherEventsNameNoSource() throws Exception {
        assertEquals(List.of(), SourceEvents.objects(Events.json("gateway-s3-delete-temporary.json")));
        assertEquals(List.of(), SourceEvents.objects(Events.json("batch-ingest-running.json")));
        assertThrows(IllegalArgumentException.class, () -> SourceEvents.objects(new ObjectMapper().readTree("{\"hello\":1}")));
    }
}
