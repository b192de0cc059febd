package dev.concbench.model;

import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.Step;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The part every model shares: its name and parameters, the lifecycle state machine, and checking
 * each task's placements against the model's claim before the task's future completes.
 */
abstract class AbstractModel implements ExecutionModel {

    private final String name;
    private final Map<String, String> params;
    private final AtomicReference<ModelState> state = new AtomicReference<>(ModelState.RUNNING);

    AbstractModel(String name, Map<String, String> params) {
        this.name = name;
        this.params = Map.copyOf(params);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> params() {
        return params;
    }

    @Override
    public final ModelState state() {
        return state.get();
    }

    @Override
    public final CompletableFuture<TaskResult> submit(Workload workload) {
        ModelState now = state.get();
        if (now != ModelState.RUNNING) {
            throw new RejectedExecutionException("model '" + name + "' is " + now + ", not RUNNING");
        }
        PlacementLog log = new PlacementLog();
        return start(workload, log).thenApply(result -> {
            List<Placement> placements = log.snapshot();
            placements.forEach(this::check);
            return new TaskResult(result, placements);
        });
    }

    @Override
    public final void execute(Runnable task, Consumer<ModelViolationException> onViolation) {
        ModelState now = state.get();
        if (now != ModelState.RUNNING) {
            throw new RejectedExecutionException("model '" + name + "' is " + now + ", not RUNNING");
        }
        startRaw(() -> {
            // the full check allocates (a Placement, a virtual thread's name): a task that allocates
            // nothing itself would then take a heap buffer per thread, which a memory benchmark measures
            if (!plainlyOwnThread()) {
                try {
                    check(here(Step.WAIT));
                } catch (ModelViolationException e) {
                    onViolation.accept(e);
                }
            }
            task.run();
        });
    }

    @Override
    public final void close() {
        if (!state.compareAndSet(ModelState.RUNNING, ModelState.STOPPING)) {
            return;
        }
        try {
            stop();
            state.set(ModelState.TERMINATED);
        } catch (RuntimeException | Error e) {
            state.set(ModelState.FAILED);
            throw e;
        }
    }

    @Override
    public String toString() {
        return name + params + " " + state.get();
    }

    /**
     * Starts {@code workload} in the model's style; steps record their placement into {@code log}.
     * Called by {@link #submit} from the submitting thread while RUNNING.
     */
    abstract CompletableFuture<WorkResult> start(Workload workload, PlacementLog log);

    /**
     * Starts {@code task} on one of the model's own threads (or its loop). Called by {@link #execute}
     * from the submitting thread while RUNNING.
     *
     * @throws UnsupportedOperationException when the model runs no raw tasks in this JVM
     */
    abstract void startRaw(Runnable task);

    /**
     * Whether the calling thread is certainly one {@link #check} would accept, decided without
     * allocating; false sends the caller to the full check.
     */
    boolean plainlyOwnThread() {
        return false;
    }

    /** The calling thread's placement for {@code step}, as this model's runner would record it. */
    Placement here(Step step) {
        return Placement.here(step);
    }

    /**
     * Throws {@link ModelViolationException} when {@code placement} is not where this model runs work.
     * Called on the thread completing the task.
     */
    abstract void check(Placement placement);

    /** Ends every thread and process the model started; throws when one outlives the grace period. */
    abstract void stop();
}
