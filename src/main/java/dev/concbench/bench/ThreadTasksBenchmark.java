package dev.concbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The lifecycle shared by benchmarks that run raw tasks on a thread model: {@link ThreadTasks}
 * opened for the trial, its guard evidence published after every iteration, closed after the
 * trial. JMH runs these set-up and tear-down methods before (and after) the subclass's own.
 */
abstract class ThreadTasksBenchmark {

    /** The tasks of the model under test; open between trial set-up and tear-down. */
    ThreadTasks tasks;

    private final int poolSize;

    /** @param poolSize how many threads {@code platform-pool} gets */
    ThreadTasksBenchmark(int poolSize) {
        this.poolSize = poolSize;
    }

    /** The model under test (the subclass's {@code model} parameter). */
    abstract String modelName();

    @Setup(Level.Trial)
    public void openTasks() {
        tasks = new ThreadTasks(modelName(), poolSize);
    }

    @TearDown(Level.Iteration)
    public void publishTaskGuards() {
        tasks.publishGuards();
    }

    @TearDown(Level.Trial)
    public void closeTasks() {
        tasks.close();
    }
}
