package dev.concbench.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Measures worker start-up with the AOT cache off and on, alternating so both see the same machine
 * load, and prints every pool's figures and then the medians: spawn to hello (wall, ms) and the
 * worker's CPU time at hello (ms; less disturbed by other load).
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
        List<WorkerStart> withoutCache = new ArrayList<>();
        List<WorkerStart> withCache = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            withoutCache.addAll(startOnce(off, true));
            withCache.addAll(startOnce(on, round > 0 || rounds == 1));
        }
        System.out.println("median spawn-to-hello ms: AOT cache off " + median(withoutCache, WorkerStart::spawnToHello)
                + ", on " + median(withCache, WorkerStart::spawnToHello));
        System.out.println("median cpu-at-hello ms:   AOT cache off " + median(withoutCache, WorkerStart::cpuAtHello)
                + ", on " + median(withCache, WorkerStart::cpuAtHello)
                + " (workers: off n=" + withoutCache.size() + ", on n=" + withCache.size() + ")");
    }

    private static List<WorkerStart> startOnce(WorkerPoolConfig config, boolean counted) throws IOException {
        try (WorkerPool pool = WorkerPool.start(config)) {
            List<WorkerStart> starts = pool.startupTimes();
            System.out.println("aot " + pool.aotCacheStatus() + " -> spawn-to-hello ms "
                    + starts.stream().map(s -> s.spawnToHello().toMillis()).toList() + ", cpu ms "
                    + starts.stream().map(s -> s.cpuAtHello().toMillis()).toList() + (counted ? "" : " (not counted)"));
            return counted ? starts : List.of();
        }
    }

    private static String median(List<WorkerStart> starts, Function<WorkerStart, Duration> measure) {
        List<Long> sorted = starts.stream().map(measure).map(Duration::toMillis).sorted().toList();
        return sorted.isEmpty() ? "none" : Long.toString(sorted.get(sorted.size() / 2));
    }
}
