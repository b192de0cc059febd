package dev.concbench.history;

import java.util.List;

/**
 * What the report's History section draws: the rows of the earlier runs comparable with a run
 * (same environment fingerprint and profile, {@link HistoryStore#comparable}), oldest first.
 *
 * @param runIds  the earlier runs, oldest first
 * @param earlier every row of those runs
 */
public record HistoryTrends(List<String> runIds, List<TrendPoint> earlier) {

    /** How many earlier runs the report looks back over. */
    public static final int LOOKBACK = 20;

    public HistoryTrends {
        runIds = List.copyOf(runIds);
        earlier = List.copyOf(earlier);
    }

    /** The last {@link #LOOKBACK} runs comparable with {@code run}, oldest first. */
    public static HistoryTrends of(HistoryStore store, StoredRun run) throws HistoryException {
        List<RunEntry> runs = store.comparable(run, LOOKBACK).reversed();
        return new HistoryTrends(runs.stream().map(RunEntry::runId).toList(), store.points(runs));
    }
}
