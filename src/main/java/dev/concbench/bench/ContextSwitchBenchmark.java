package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;
import static dev.concbench.vocab.ModelKind.EVENTLOOP;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.vocab.Guard;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Context Switch" row: asyncio's switch is "very fast — pure user space, no syscall";
 * a thread switch is "slower — kernel-mediated".
 *
 * <p>Two tasks of one model hand a token back and forth {@value #PASSES} times per invocation;
 * the score is the time per hand-off. On platform threads each pass parks one kernel thread and
 * wakes the other (a futex round trip); virtual threads park and resume continuations on carrier
 * threads; the event loop runs the other task's callback from its ready queue. Expect the loop and
 * virtual threads well below platform threads.
 *
 * <p>Each model's hand-off mechanism (the report names them from the claim's evidence):
 * <ul>
 *   <li>{@code eventloop}: a same-thread callback: completing the other side's future queues its
 *       continuation on the loop's ready queue; no stack switch, no syscall;
 *   <li>{@code platform-pool}: a futex wake-up: {@code LockSupport.unpark} wakes the other kernel
 *       thread, {@code park} puts this one to sleep, and the kernel's scheduler switches between them;
 *   <li>{@code virtual}: a continuation yield: {@code park} unmounts the virtual thread from its
 *       carrier, {@code unpark} submits the other's continuation to the carrier pool, which mounts it;
 *       the kernel is involved only when a carrier runs out of work and parks;
 *   <li>{@code netty}: Netty's own hand-off on its loop: two tasks that {@code execute} each other,
 *       each pass one trip through the Netty loop's task queue (a Netty promise's listener would run
 *       inline, a call rather than a switch).
 * </ul>
 *
 * <p>{@code mechanism=execute} ({@code eventloop} only) runs Netty's idiom on our loop: two tasks that
 * {@code execute} each other ({@link ExecutePingPong}, the very code of the {@code netty} row), each
 * pass one trip through our loop's ready queue. Beside the {@code netty} row it compares the two loops
 * on one mechanism; the default, {@code futures}, is the hand-off the claim reads.
 *
 * <p>{@code pinned=true} confines the whole fork to one CPU ({@link OneCpu}: every thread's
 * affinity set before the model starts, so the virtual-thread scheduler also sees one CPU), so a
 * platform hand-off is a switch on one core rather than a wake-up of another, often idle, vCPU (the
 * default rows on 2 vCPUs). A fork whose threads the kernel does not confine to that CPU is guarded
 * {@code not-one-cpu}.
 *
 * <p>For the single-threaded loop models ({@code eventloop}, {@code coroutines}, {@code netty}) each
 * iteration also publishes {@value #CPU_METRIC}: the loop thread's CPU time during the iteration
 * ({@link ThreadCpu}) over the hand-offs it ran. Every hand-off runs on that one thread, so this is
 * the hand-off's cost without the time the loop thread waited for a CPU while other processes ran;
 * a busy machine inflates the wall-clock score but not this (the regression gate compares it). The
 * thread models get none: their hand-off is split over two threads and the scheduler's wake-up of
 * an idle CPU, whose cost no thread's clock carries, so a per-thread CPU time would be a different
 * quantity from model to model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextSwitchBenchmark extends TaskBenchmark {

    /** Hand-offs per invocation: enough that starting the two tasks is noise. */
    static final int PASSES = 2_000;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "platform-pool", "coroutines", "netty"})
    public String model;

    /**
     * {@code eventloop}'s hand-off: {@value #FUTURES} (two tasks waking each other through loop futures,
     * {@link LoopHandoff}) or, when the scenario asks for it, {@value #EXECUTE} (two tasks that
     * {@code execute} each other, Netty's idiom). One default only: JMH runs every listed value of a
     * parameter the run does not set, and a row's name carries only the parameters the scenario sets.
     */
    @Param(FUTURES)
    @ParamValues({FUTURES, EXECUTE})
    public String mechanism = FUTURES; // JMH sets it; a benchmark built in-process (tests) gets the default

    /** The default hand-off: through loop futures. */
    static final String FUTURES = "futures";
    /** Netty's hand-off, on our loop: {@code execute} of each other. */
    static final String EXECUTE = "execute";

    /** Whether the fork runs on one CPU ({@code true}) or on all the CPUs it was given ({@code false}). */
    @Param("false")
    public boolean pinned;

    /** The secondary result: the loop thread's CPU time per hand-off, ns. */
    static final String CPU_METRIC = "handoffCpu";

    private OneCpu oneCpu;

    /** The loop thread's CPU clock (loop models); empty for the thread models. */
    private Optional<ThreadCpu> loopCpu = Optional.empty();
    private long cpuAtStart;
    private long handoffs;

    public ContextSwitchBenchmark() {
        // two tasks, two threads
        super(2);
    }

    @Override
    String modelName() {
        return model;
    }

    @Override
    void startTrial() {
        Thread loopThread = netty != null ? netty.run(() -> netty.loop().newSucceededFuture(Thread.currentThread()))
                : loop != null ? loop.run(() -> loop.loop().completed(Thread.currentThread()))
                : null;
        loopCpu = loopThread == null ? Optional.empty() : ThreadCpu.of(loopThread);
    }

    /** Starts the iteration's count of hand-offs and reads the loop thread's CPU clock. */
    @Setup(Level.Iteration)
    public void startCpu() {
        handoffs = 0;
        cpuAtStart = loopCpu.map(ThreadCpu::nanos).orElse(-1L);
    }

    /** Publishes the loop thread's CPU time per hand-off of this iteration (loop models). */
    @TearDown(Level.Iteration)
    public void publishCpu() {
        long now = loopCpu.map(ThreadCpu::nanos).orElse(-1L);
        if (cpuAtStart >= 0 && now >= cpuAtStart && handoffs > 0) {
            IterationMetrics.publish(CPU_METRIC, (double) (now - cpuAtStart) / handoffs, "ns");
        }
    }

    @Override
    void beforeModel() {
        // checked before the model starts, so a wrong combination leaves nothing running
        if (!FUTURES.equals(mechanism) && !EXECUTE.equals(mechanism)) {
            // a scenario file's bad value is refused when it is parsed (@ParamValues); this catches a
            // direct JMH run's (-p mechanism=...), which would otherwise measure futures under another name
            throw new IllegalArgumentException("mechanism=" + mechanism + " is not a hand-off mechanism (expected "
                    + FUTURES + " or " + EXECUTE + ")");
        }
        if (EXECUTE.equals(mechanism) && !EVENTLOOP.is(model)) {
            throw new IllegalArgumentException("mechanism=" + EXECUTE + " is eventloop's (found model=" + model + ")");
        }
        if (pinned) {
            oneCpu = OneCpu.pin();
        }
    }

    /** Guards the iteration when a thread of a pinned fork may run on another CPU (threads start late too). */
    @TearDown(Level.Iteration)
    public void checkPinned() {
        if (oneCpu != null) {
            IterationMetrics.guard(Guard.NOT_ONE_CPU, oneCpu.unpinnedThreads());
        }
    }

    @Override
    void stopTrial() {
        loopCpu = Optional.empty();
        if (oneCpu != null) {
            oneCpu.restore(); // in a benchmark run in-process, the host JVM gets its CPUs back
            oneCpu = null;
        }
    }

    /** One invocation: {@value #PASSES} hand-offs between two tasks; the score is per hand-off. */
    @Benchmark
    @OperationsPerInvocation(PASSES)
    public void handoff() throws InterruptedException {
        handoffs += PASSES;
        if (netty != null) {
            netty.handoff(PASSES);
            return;
        }
        if (loop != null && EXECUTE.equals(mechanism)) {
            loop.run(() -> loop.loop().completed(null)); // the placement check, once per invocation, as netty's
            ExecutePingPong.play(loop.loop(), PASSES);
            return;
        }
        if (loop != null) {
            loop.run(() -> COROUTINES.is(model) ? LoopCoroutines.handoff(loop.loop(), PASSES / 2).map(all -> null)
                    : LoopHandoff.play(loop.loop(), PASSES / 2));
            return;
        }
        Handoff token = new Handoff();
        CountDownLatch done = new CountDownLatch(2);
        for (int side = 0; side < 2; side++) {
            int me = side;
            threads.execute(() -> {
                token.play(me, PASSES / 2);
                done.countDown();
            });
        }
        done.await();
    }
}
