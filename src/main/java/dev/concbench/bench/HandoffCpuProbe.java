package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.descriptive.Median;

/**
 * The loop thread's CPU time per hand-off, in nanoseconds, of the context-switch scenario's three
 * hand-offs in one JVM, taken in turn so all three see the same machine load: ours through futures
 * ({@link LoopHandoff}), ours with {@code execute} and Netty's with {@code execute}
 * ({@link ExecutePingPong}). Each round runs each for a slice of wall time and reads its loop
 * thread's CPU clock ({@link ThreadCpu}) around it; the first rounds warm the JIT up and are left
 * out of the medians. Wall time per hand-off is printed beside it (it includes the waits of a
 * loaded machine, the CPU figure does not). Not a scenario: a tool for comparing two builds'
 * loops ({@code docs/loop-performance.md}, "Hand-off through futures (fifth pass)"), run as
 *
 * <pre>{@code java -cp target/concbench.jar dev.concbench.bench.HandoffCpuProbe [WARMUP ROUNDS SLICE_MS]}</pre>
 *
 * with 4 warm-up rounds, 12 measured and 250 ms slices by default.
 */
public final class HandoffCpuProbe {

    private static final String[] NAMES = {"ours futures", "ours execute", "netty execute"};

    private HandoffCpuProbe() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        if (args.length != 0 && args.length != 3) {
            System.err.println("usage: HandoffCpuProbe [WARMUP ROUNDS SLICE_MS] (all three positive integers)");
            System.exit(2);
        }
        int warmUp = args.length == 3 ? Integer.parseInt(args[0]) : 4;
        int rounds = args.length == 3 ? Integer.parseInt(args[1]) : 12;
        long sliceNanos = TimeUnit.MILLISECONDS.toNanos(args.length == 3 ? Long.parseLong(args[2]) : 250);
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("probe-loop"));
        EventLoopGroup netty = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ThreadCpu ours = ThreadCpu.of(loop.submit(() -> loop.completed(Thread.currentThread())).join()).orElseThrow();
            ThreadCpu theirs = ThreadCpu.of(netty.next().submit(Thread::currentThread).get()).orElseThrow();
            Runnable[] handoffs = {
                () -> loop.submit(() -> LoopHandoff.play(loop, ContextSwitchBenchmark.PASSES / 2)).join(),
                () -> ExecutePingPong.play(loop, ContextSwitchBenchmark.PASSES),
                () -> ExecutePingPong.play(netty.next(), ContextSwitchBenchmark.PASSES),
            };
            ThreadCpu[] clocks = {ours, ours, theirs};
            List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int round = 1; round <= warmUp + rounds; round++) {
                StringBuilder line = new StringBuilder(round <= warmUp ? "warm-up " : "round ").append(round).append(':');
                for (int i = 0; i < handoffs.length; i++) {
                    double[] cpuAndWall = slice(handoffs[i], clocks[i], sliceNanos);
                    if (round > warmUp) {
                        cpu.get(i).add(cpuAndWall[0]);
                    }
                    line.append(String.format("  %s %.1f cpu %.1f wall", NAMES[i], cpuAndWall[0], cpuAndWall[1]));
                }
                System.out.println(line);
            }
            StringBuilder medians = new StringBuilder("median cpu ns/hand-off over " + rounds + " rounds:");
            for (int i = 0; i < NAMES.length; i++) {
                double median = Median.withDefaults().evaluate(cpu.get(i).stream().mapToDouble(Double::doubleValue).toArray());
                medians.append(String.format("  %s %.1f", NAMES[i], median));
            }
            System.out.println(medians);
        } finally {
            loop.close();
            netty.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    /** Runs {@code handoff} for {@code sliceNanos} of wall time; its loop thread's CPU and the wall time per hand-off, ns. */
    private static double[] slice(Runnable handoff, ThreadCpu clock, long sliceNanos) {
        long passes = 0;
        long cpuStart = clock.nanos();
        long start = System.nanoTime();
        long now;
        do {
            handoff.run();
            passes += ContextSwitchBenchmark.PASSES;
            now = System.nanoTime();
        } while (now - start < sliceNanos);
        return new double[] {(double) (clock.nanos() - cpuStart) / passes, (double) (now - start) / passes};
    }
}
