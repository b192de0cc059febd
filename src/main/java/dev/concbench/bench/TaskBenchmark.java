package dev.concbench.bench;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The lifecycle shared by benchmarks that run raw tasks rather than workloads: the model under test
 * as a {@link ModelSession} when it is a thread or loop model (for any other model nothing: the
 * subclass brings its own), so raw tasks run on the model's own threads with its placement check.
 * Opened for the trial, guard evidence published after every iteration, closed after the trial.
 * JMH runs these set-up methods before the subclass's own, and these tear-downs after them.
 */
abstract class TaskBenchmark {

    /** The model under test when it runs tasks on threads; null for the other models (loops included). */
    ModelSession threads;

    /** The loop of a loop model under test; null for the thread models. */
    LoopTasks loop;

    /** The Netty loop of the {@code netty} model under test; null for every other model. */
    NettyTasks netty;

    private ModelSession session;
    private final int poolSize;

    /** @param poolSize how many threads {@code platform-pool} gets */
    TaskBenchmark(int poolSize) {
        this.poolSize = poolSize;
    }

    /** How many threads {@code platform-pool} gets; the constructor's value unless a parameter decides. */
    int poolSize() {
        return poolSize;
    }

    /** The model under test (the subclass's {@code model} parameter). */
    abstract String modelName();

    /**
     * How many offload threads {@code eventloop+offload} (and {@code netty} offloading) gets: 1 unless the benchmark hands work of
     * its own to them ({@link #offloadExecutor()}).
     */
    int offloadWorkers() {
        return 1;
    }

    /**
     * Where the model under test offloads, as the benchmark's own {@code offload} parameter says for
     * {@code netty} ({@code executor}: its Netty executor group of {@link #offloadWorkers()} threads);
     * null, the default, for a benchmark that offloads nothing of its own on {@code netty}.
     */
    String nettyOffload() {
        return null;
    }

    /** The model's offload pool ({@code eventloop+offload}; {@code netty} with {@code offload=executor}); empty for the other models. */
    Optional<Executor> offloadExecutor() {
        return session == null ? Optional.empty() : session.offloadExecutor();
    }

    /** Whether the loop-blocked guard applies: the scenario claims this model's loop stays responsive. */
    boolean loopMustStayResponsive() {
        return false;
    }

    /** The subclass's own trial set-up that must come first: run before the model starts. */
    void beforeModel() throws Exception {
    }

    /** The subclass's own trial set-up, run after the tasks or the loop are open. */
    void startTrial() throws Exception {
    }

    /** The subclass's own trial tear-down, run before the tasks or the loop close. */
    void stopTrial() throws Exception {
    }

    /**
     * The model's parameters: {@code poolSize} for {@code platform-pool}; for {@code virtual}, the
     * carriers this fork was started with (so the model checks them); for {@code eventloop+offload},
     * and for {@code netty} when {@link #nettyOffload()} names an offload, {@link #offloadWorkers()}
     * offload threads.
     */
    private Map<String, String> modelParams(ModelKind kind) {
        Map<String, String> params = new HashMap<>(ModelSession.poolParams(kind.id(), poolSize()));
        String carriers = System.getProperty(CarrierFlags.PARALLELISM);
        if (kind == ModelKind.VIRTUAL && carriers != null) {
            params.put(CarrierFlags.PARAM, carriers);
        }
        if (kind == ModelKind.EVENTLOOP_OFFLOAD) {
            params.put(ModelParams.OFFLOAD, ModelParams.OFFLOAD_THREADS);
            params.put(ModelParams.WORKERS, Integer.toString(offloadWorkers()));
        }
        if (kind == ModelKind.NETTY && nettyOffload() != null) {
            params.put(ModelParams.OFFLOAD, nettyOffload());
            params.put(ModelParams.WORKERS, Integer.toString(offloadWorkers()));
        }
        return params;
    }

    // JMH does not order set-up methods across a class hierarchy, so the subclass's steps are
    // called from here rather than declared as set-ups of their own
    @Setup(Level.Trial)
    public void openTasks() throws Exception {
        beforeModel();
        ModelKind kind = ModelKind.require(modelName());
        if (kind.onLoop() || kind.onThreads() || kind == ModelKind.NETTY) {
            session = new ModelSession(kind.id(), modelParams(kind), 0, loopMustStayResponsive());
            loop = session.loop().orElse(null);
            netty = session.nettyLoop().orElse(null);
            threads = loop == null && netty == null ? session : null;
        }
        startTrial();
    }

    @TearDown(Level.Iteration)
    public void publishTaskGuards() {
        if (session != null) {
            session.publishGuards();
        }
    }

    @TearDown(Level.Trial)
    public void closeTasks() throws Exception {
        stopTrial();
        if (session != null) {
            session.close();
        }
    }
}
