package dev.concbench.process;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * A parent JVM for the orphan test: starts a pool of {@code args[0]} workers, keeps the first one
 * busy in a long task (so its exit depends on the parent watch, not on EOF), prints
 * {@code pids P1 P2 ...} on one line and waits to be killed.
 */
public final class PoolParentMain {

    private PoolParentMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(Integer.parseInt(args[0])));
        pool.submit("sleep", "600000");
        System.out.println("pids " + pool.pids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(600_000);
    }
}
