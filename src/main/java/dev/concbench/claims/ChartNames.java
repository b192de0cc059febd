package dev.concbench.claims;

/**
 * The file names (without extension) of the report's charts that claims point to. The report
 * draws exactly these; a claim lists the ones that show its evidence.
 */
public final class ChartNames {
    public static final String CONTEXT_SWITCH = "cost-context-switch";
    public static final String SPAWN = "cost-spawn";
    public static final String MEMORY = "memory-per-unit";
    public static final String CPU_SPEEDUP = "cpu-speedup";
    public static final String SCALABILITY_P99 = "scalability-p99";
    public static final String SCALABILITY_THROUGHPUT = "scalability-throughput";
    public static final String SCALABILITY_CREATE_COST = "scalability-create-cost";
    public static final String IO_LOAD = "io-load-p99";
    public static final String HEARTBEAT_CPU_HOG = "heartbeat-cpu-hog";
    public static final String HEARTBEAT_BLOCKING = "heartbeat-blocking-sleep";
    public static final String DETERMINISM = "determinism";
    public static final String EXAMPLES = "examples";
    public static final String POOLING = "pooling";

    private ChartNames() {
    }

    /** The PNG file name of a chart, as claims list it. */
    public static String png(String name) {
        return name + ".png";
    }
}
