package dev.concbench.model;

import dev.concbench.workload.Placement;
import dev.concbench.workload.WorkResult;
import java.util.List;

/**
 * What one task produced and where each of its steps ran (already checked against the model's claim).
 *
 * @param result the workload's result, equal across models for equal workloads
 * @param placements one entry per step, in the order they were recorded
 */
public record TaskResult(WorkResult result, List<Placement> placements) {
    public TaskResult {
        placements = List.copyOf(placements);
    }
}
