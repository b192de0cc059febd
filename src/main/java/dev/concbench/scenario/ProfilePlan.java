package dev.concbench.scenario;

import java.util.List;

/**
 * What a scenario runs in one profile.
 *
 * @param sweeps   the parameter sweeps: the first applies to every model; later ones ("extra")
 *                 add runs for some models only (e.g. a million waiting units for the models
 *                 that can afford it)
 * @param settings the JMH settings
 */
public record ProfilePlan(List<ParamSweep> sweeps, JmhSettings settings) {

    public ProfilePlan {
        sweeps = List.copyOf(sweeps);
    }
}
