package dev.concbench.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures worker start-up (spawn to hello, in ms) with the AOT cache off and on, alternating so
 * both see the same machine load, and prints every pool's figures and then the medians.
 *
 * <pre>{@code java -cp target/concbench.jar dev.concbench.process.StartupProbe WORKERS ROUNDS}</pre>
 *
 * The first pool with the cache on creates it if it does not exist yet; that pool is reported but
 * left out of the median, which is about starting from an existing cache.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartupProbe WORKERS ROUNDS");
            System.exit(2);
        }
        WorkerPoolConfig on = WorkerPoolConfig.of(Integer.parseInt(args[0]));
        WorkerPoolConfig off = on.withAotCache(false);
        int rounds = Integer.parseInt(args[1]);
        System.out.println("worker flags: " + String.join(" ", on.jvmFlags()));
        List<Long> withoutCache = new ArrayList<>();
        List<Long> withCache = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            withoutCache.addAll(startOnce(off, true));
            withCache.addAll(startOnce(on, round > 0 || rounds == 1));
        }
        System.out.println("median spawn-to-hello ms: AOT cache off " + median(withoutCache)
                + " (n=" + withoutCache.size() + "), on " + median(withCache) + " (n=" + withCache.size() + ")");
    }

    private static List<Long> startOnce(WorkerPoolConfig config, boolean counted) throws IOException {
        try (WorkerPool pool = WorkerPool.start(config)) {
            List<Long> millis = pool.startupTimes().stream().map(s -> s.spawnToHello().toMillis()).toList();
            System.out.println("aot " + pool.aotCacheStatus() + " -> spawn-to-hello ms " + millis
                    + (counted ? "" : " (not counted)"));
            return counted ? millis : List.of();
        }
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
