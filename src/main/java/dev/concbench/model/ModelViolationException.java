package dev.concbench.model;

import dev.concbench.workload.Placement;

/**
 * A task ran somewhere else than its model claims (a {@code virtual} task on a platform thread, a
 * {@code process-pool} task in the parent JVM): the result must not be counted for that model.
 */
public final class ModelViolationException extends RuntimeException {

    /**
     * @param model the model's name
     * @param claim what the model promises, e.g. {@code "every step on a virtual thread"}
     * @param observed the placement that breaks the promise
     */
    public ModelViolationException(String model, String claim, Placement observed) {
        super("model '" + model + "' claims " + claim + ", but a " + observed.step() + " step ran on "
                + observed.kind() + " thread '" + observed.thread() + "' in pid " + observed.pid());
    }
}
