package io.mediaworker.manifest;

import java.util.List;

/** Where the outputs went and the checksums verified there. */
public record DeliveryFacts(String destination, List<FileRecord> delivered) {
}
