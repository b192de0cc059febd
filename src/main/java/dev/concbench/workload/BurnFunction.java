package dev.concbench.workload;

import dev.concbench.process.WorkerFunction;

/**
 * The seed's CPU burn as a bare process-pool function: argument the iteration count, result the
 * checksum (decimal). For benchmarks that offload only the burn and need no placement evidence.
 */
public final class BurnFunction implements WorkerFunction {

    /** The function's name in the process pool. */
    public static final String NAME = "workload.burn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String argument) {
        return Long.toString(Burn.burn(Long.parseLong(argument.trim())));
    }
}
