package dev.concbench.vocab;

/**
 * The names of the models' parameters, and the values of {@code offload}, as scenario files, result
 * rows and {@link ModelKind#params()} spell them. {@code carriers} is {@link CarrierFlags#PARAM} and
 * {@code stack} {@link StackFlags#PARAM}: those two are JVM settings and live with their flags.
 * (JMH {@code @Param} values and scenario YAML spell them as literals, as they must.)
 */
public final class ModelParams {

    /** {@code platform-pool}: how many platform threads. */
    public static final String POOL_SIZE = "poolSize";
    /** {@code process-pool}, {@code eventloop+offload}, {@code netty} offloading: how many workers. */
    public static final String WORKERS = "workers";
    /** {@code eventloop+offload}, {@code netty}: where CPU work is handed ({@link #OFFLOAD_PROCESS}, ...). */
    public static final String OFFLOAD = "offload";

    /** {@code offload=process}: {@code eventloop+offload}'s burn on worker JVMs. */
    public static final String OFFLOAD_PROCESS = "process";
    /** {@code offload=threads}: {@code eventloop+offload}'s burn on platform threads. */
    public static final String OFFLOAD_THREADS = "threads";
    /** {@code offload=executor}: {@code netty}'s burn on a Netty executor group. */
    public static final String OFFLOAD_EXECUTOR = "executor";

    private ModelParams() {
    }
}
