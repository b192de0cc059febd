package dev.concbench.process;

import java.io.IOException;

/**
 * A parent JVM for the AOT cache test (run with a jar-only classpath): starts a one-worker pool
 * twice and prints, for each, {@code status <aotCacheStatus>} and {@code echo <value> <workerPid>}.
 */
public final class AotParentMain {

    private AotParentMain() {
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < 2; i++) {
            try (WorkerPool pool = WorkerPool.start(WorkerPoolConfig.of(1))) {
                System.out.println("status " + pool.aotCacheStatus());
                WorkerResult result = pool.submit("echo", "aot").join();
                System.out.println("echo " + result.value() + " " + result.workerPid());
            }
        }
    }
}
