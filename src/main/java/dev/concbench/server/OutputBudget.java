package dev.concbench.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cap on response bytes the server holds for clients that have not read them yet, over all
 * connections, so that clients that request big responses and never read cannot exhaust the heap.
 * A connection holds its response's size from the write's start to its end (one response at a time:
 * it reads no further pipelined request meanwhile, which is the per-connection back-pressure).
 * When a new response would go over the cap, the connections holding the most (the oldest first
 * among equals) are closed until it fits: the worst offender goes first.
 *
 * <p>Loop thread only.
 */
final class OutputBudget {

    /** The smallest and largest cap, in bytes: room for several of the largest responses, and no more than a heap can spare. */
    static final long MIN_CAP = 8L << 20;
    static final long MAX_CAP = 256L << 20;

    private record Held(long bytes, Runnable close) {
    }

    private final long cap;
    /** Who holds what, in the order they started holding it. */
    private final Map<Object, Held> held = new LinkedHashMap<>();
    private long total;
    private long shed;

    /** @param cap the most response bytes held at once, in bytes */
    OutputBudget(long cap) {
        this.cap = cap;
    }

    /** A quarter of {@code maxHeapBytes}, within {@link #MIN_CAP}..{@link #MAX_CAP}. */
    static OutputBudget forHeap(long maxHeapBytes) {
        return new OutputBudget(Math.max(MIN_CAP, Math.min(MAX_CAP, maxHeapBytes / 4)));
    }

    /**
     * {@code owner} starts sending a response of {@code bytes}; other holders are closed (through
     * their {@code close}, which must {@link #release}) while the total would pass the cap.
     */
    void hold(Object owner, long bytes, Runnable close) {
        release(owner);
        while (total + bytes > cap) {
            Map.Entry<Object, Held> worst = null;
            for (Map.Entry<Object, Held> e : held.entrySet()) {
                if (worst == null || e.getValue().bytes() > worst.getValue().bytes()) {
                    worst = e;
                }
            }
            if (worst == null) {
                break; // nobody else holds anything: one response alone may use the whole cap
            }
            shed++;
            Runnable closeWorst = worst.getValue().close();
            release(worst.getKey());
            closeWorst.run();
        }
        held.put(owner, new Held(bytes, close));
        total += bytes;
    }

    /** {@code owner}'s response was sent (or its connection closed). Idempotent. */
    void release(Object owner) {
        Held h = held.remove(owner);
        if (h != null) {
            total -= h.bytes();
        }
    }

    /** Bytes held now. */
    long total() {
        return total;
    }

    /** Connections closed to stay under the cap since the server started. */
    long shed() {
        return shed;
    }

    long cap() {
        return cap;
    }
}
