package dev.concbench.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures worker start-up (spawn to hello) for a set of worker JVM flags and prints one line per
 * pool started: {@code FLAGS -> ms ms ms}. Used to decide which flags the pool defaults to.
 *
 * <pre>{@code java -cp target/concbench.jar dev.concbench.process.StartupProbe WORKERS ROUNDS [FLAG...]}</pre>
 *
 * Each round starts a pool of {@code WORKERS} workers with {@link WorkerPoolConfig#DEFAULT_JVM_FLAGS}
 * plus the given flags, then closes it, so an archive written at a worker's exit (CDS) is used by the
 * next round.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: StartupProbe WORKERS ROUNDS [JVM_FLAG...]");
            System.exit(2);
        }
        int workers = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> flags = new ArrayList<>(WorkerPoolConfig.DEFAULT_JVM_FLAGS);
        flags.addAll(Arrays.asList(args).subList(2, args.length));
        WorkerPoolConfig config = WorkerPoolConfig.of(workers).withJvmFlags(flags);
        for (int round = 0; round < rounds; round++) {
            long closeStart;
            List<WorkerStart> starts;
            try (WorkerPool pool = WorkerPool.start(config)) {
                starts = pool.startupTimes();
                closeStart = System.nanoTime();
            }
            Duration close = Duration.ofNanos(System.nanoTime() - closeStart);
            System.out.println(String.join(" ", flags) + " -> start ms " + starts.stream()
                    .map(s -> Long.toString(s.spawnToHello().toMillis())).toList() + ", close ms " + close.toMillis());
        }
    }
}
