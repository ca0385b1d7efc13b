package io.mediaworker.content;

import java.util.UUID;

/** Who holds leases: one id per worker process (host, pid and a random part, so a reused pid is another owner). */
public record LeaseOwner(String id, String host, long pid) {

    public static LeaseOwner thisProcess(String host) {
        long pid = ProcessHandle.current().pid();
        return new LeaseOwner(host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8), host, pid);
    }
}
