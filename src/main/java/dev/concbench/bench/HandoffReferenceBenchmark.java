package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Our loop's hand-off against Netty's, one loop thread each (issue 12: "the loop's hand-off is no
 * slower than Netty's"). Not a scenario: {@code docs/loop-performance.md} quotes it, run as
 * {@code java -cp target/concbench.jar org.openjdk.jmh.Main HandoffReference}.
 *
 * <p>{@code loopFutures} is the context-switch scenario's hand-off (two tasks waking each other
 * through futures, {@link LoopHandoff}); {@code loopExecute} and {@code nettyExecute} are the bare
 * mechanism on both loops: two callbacks that schedule each other with {@code execute}, each pass
 * one trip through the loop's task queue. Expect the loop's two within a few nanoseconds of
 * Netty's, all far below a thread switch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffReferenceBenchmark {

    private EventLoop loop;
    private EventLoopGroup netty;

    @Setup(Level.Trial)
    public void start() {
        loop = EventLoop.start(LoopOptions.defaults().withThreadName("handoff-loop"));
        netty = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @TearDown(Level.Trial)
    public void stop() {
        loop.close();
        netty.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /** The context-switch scenario's hand-off on our loop: futures and their done-callbacks. */
    @Benchmark
    @OperationsPerInvocation(ContextSwitchBenchmark.PASSES)
    public void loopFutures() {
        loop.submit(() -> LoopHandoff.play(loop, ContextSwitchBenchmark.PASSES / 2)).join();
    }

    /** Two callbacks scheduling each other on our loop. */
    @Benchmark
    @OperationsPerInvocation(ContextSwitchBenchmark.PASSES)
    public void loopExecute() {
        ExecutePingPong.play(loop, ContextSwitchBenchmark.PASSES);
    }

    /** Two tasks scheduling each other on a Netty NIO event loop. */
    @Benchmark
    @OperationsPerInvocation(ContextSwitchBenchmark.PASSES)
    public void nettyExecute() {
        ExecutePingPong.play(netty.next(), ContextSwitchBenchmark.PASSES);
    }
}
