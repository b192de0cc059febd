package dev.concbench.workload;

import dev.concbench.workload.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task computed, independent of where it ran: equal for equal {@link Workload}s across
 * models, which is what the equivalence test asserts.
 *
 * @param checksum the CPU burn's sum plus the CRC-32 of every response body (0 for pure waits)
 * @param statuses the HTTP status of every request, in the order the description lists them
 */
public record WorkResult(long checksum, List<Integer> statuses) {

    public static final WorkResult EMPTY = new WorkResult(0, List.of());

    public WorkResult {
        statuses = List.copyOf(statuses);
    }

    /** A result made of one computed checksum and no request. */
    public static WorkResult ofChecksum(long checksum) {
        return new WorkResult(checksum, List.of());
    }

    /** A request's result: its status, and its body's CRC-32 as the checksum. */
    public static WorkResult ofResponse(HttpResponse response) {
        return new WorkResult(response.bodyCrc(), List.of(response.status()));
    }

    /** This result followed by {@code next}: checksums add, statuses concatenate. */
    public WorkResult then(WorkResult next) {
        List<Integer> all = new ArrayList<>(statuses);
        all.addAll(next.statuses);
        return new WorkResult(checksum + next.checksum, all);
    }
}
