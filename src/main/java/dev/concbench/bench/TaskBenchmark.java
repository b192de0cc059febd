package dev.concbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The lifecycle shared by benchmarks that run raw tasks rather than workloads: for a thread model,
 * {@link ThreadTasks}; for {@code eventloop} and {@code eventloop+offload}, a {@link LoopTasks};
 * for any other model, nothing (the subclass brings its own).
 * Opened for the trial, guard evidence published after every iteration, closed after the trial.
 * JMH runs these set-up methods before the subclass's own, and these tear-downs after them.
 */
abstract class TaskBenchmark {

    /** The threads of a thread model under test; null for the other models. */
    ThreadTasks threads;

    /** The loop of a loop model under test; null for the thread models. */
    LoopTasks loop;

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

    /** Whether the loop-blocked guard applies: the scenario claims this model's loop stays responsive. */
    boolean loopMustStayResponsive() {
        return false;
    }

    /** The subclass's own trial set-up, run after the tasks or the loop are open. */
    void startTrial() throws Exception {
    }

    /** The subclass's own trial tear-down, run before the tasks or the loop close. */
    void stopTrial() throws Exception {
    }

    // JMH does not order set-up methods across a class hierarchy, so the subclass's steps are
    // called from here rather than declared as set-ups of their own
    @Setup(Level.Trial)
    public void openTasks() throws Exception {
        if (modelName().startsWith("eventloop")) {
            loop = new LoopTasks();
        } else if (ThreadTasks.isThreadModel(modelName())) {
            threads = new ThreadTasks(modelName(), poolSize());
        }
        startTrial();
    }

    @TearDown(Level.Iteration)
    public void publishTaskGuards() {
        if (threads != null) {
            threads.publishGuards();
        } else if (loop != null && loopMustStayResponsive()) {
            loop.publishLoopBlocked();
        }
    }

    @TearDown(Level.Trial)
    public void closeTasks() throws Exception {
        stopTrial();
        if (threads != null) {
            threads.close();
        }
        if (loop != null) {
            loop.close();
        }
    }
}
