package dev.concbench.workload;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The placements one task recorded. Safe to append from several threads at once (a fan-out's two
 * requests may run on different threads); read it after the task completed.
 */
public final class PlacementLog {

    private final ConcurrentLinkedQueue<Placement> entries = new ConcurrentLinkedQueue<>();

    /** Records one step's placement; any thread. */
    public void add(Placement placement) {
        entries.add(placement);
    }

    /** Records several placements (e.g. those a worker process sent back); any thread. */
    public void addAll(List<Placement> placements) {
        entries.addAll(placements);
    }

    /** A snapshot of what was recorded, in recording order. */
    public List<Placement> snapshot() {
        return List.copyOf(entries);
    }
}
