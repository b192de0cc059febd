package dev.concbench.vocab;

import java.util.List;

/**
 * The {@code virtual} model's {@code carriers} parameter, the one model parameter that is a JVM
 * setting rather than a benchmark parameter: the JDK's virtual-thread scheduler is one per JVM and
 * its parallelism is fixed at start-up, so {@code carriers=N} means a fork started with these flags.
 */
public final class CarrierFlags {

    /** The parameter's name in scenario files and result rows. */
    public static final String PARAM = "carriers";

    /** The JDK's property for the virtual-thread scheduler's parallelism. */
    public static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private CarrierFlags() {
    }

    /**
     * The JVM arguments that give the virtual-thread scheduler exactly {@code carriers} carriers (its
     * compensation pool included).
     *
     * @param carriers the number of carrier threads, as the scenario wrote it
     */
    public static List<String> jvmArgs(String carriers) {
        return List.of("-D" + PARALLELISM + "=" + carriers, "-Djdk.virtualThreadScheduler.maxPoolSize=" + carriers);
    }
}
