package io.mediaworker.manifest;

import java.util.List;

/**
 * Where the outputs went and the checksums verified there; for an object store also each object's
 * version, ETag and stored checksum ({@code objects}, empty for a folder).
 */
public record DeliveryFacts(String destination, List<FileRecord> delivered, List<DeliveredObject> objects) {

    public DeliveryFacts {
        delivered = List.copyOf(delivered);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public DeliveryFacts(String destination, List<FileRecord> delivered) {
        this(destination, delivered, List.of());
    }
}
