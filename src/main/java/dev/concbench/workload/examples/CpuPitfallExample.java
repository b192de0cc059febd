package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import java.time.Duration;

/**
 * The seed's pitfall 3, CPU-bound work: a tight loop of 100,000,000 multiplications inside a
 * coroutine freezes the loop; {@code run_in_executor} keeps it serving. The fix offloads to
 * {@link ExampleContext#offload()} — a thread pool by default, the process pool when one is
 * plugged in through {@link ExampleSettings#withOffload}. A 0.1 s heartbeat measures the stall.
 */
final class CpuPitfallExample {

    /** The seed's {@code range(100_000_000)}. */
    static final long ITERATIONS = 100_000_000L;
    private static final double HEARTBEAT_SECONDS = 0.1;

    private CpuPitfallExample() {
    }

    /** The seed's {@code cpu_intensive_sync}; returns the sum so the JIT cannot drop the loop. */
    static long cpuIntensiveSync() {
        long sum = 0;
        for (long i = 0; i < ITERATIONS; i++) {
            sum += i * i;
        }
        return sum;
    }

    static void run(ExampleContext ctx) {
        Duration beat = ctx.units(HEARTBEAT_SECONDS);
        ctx.print("cpu_intensive: 100,000,000 multiplications on the loop thread");
        LoopHeartbeat.Measured bad = LoopHeartbeat.around(ctx, beat, () -> done(cpuIntensiveSync()));
        Lateness.report(ctx, "cpu_intensive", bad, ExampleResult.STALL_MS);
        ctx.print("cpu_intensive_async: run_in_executor(pool, cpu_intensive_sync)");
        LoopHeartbeat.Measured good = LoopHeartbeat.around(ctx, beat,
                () -> done(await(ctx.loop().runInExecutor(ctx.offload(), CpuPitfallExample::cpuIntensiveSync))));
        Lateness.report(ctx, "cpu_intensive_async", good, ExampleResult.FIXED_STALL_MS);
    }

    private static String done(long sum) {
        return sum != 0 ? "Done" : "Done (empty)";
    }
}
