package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The table's "Context Switch" row: asyncio's switch is "very fast — pure user space, no syscall";
 * a thread switch is "slower — kernel-mediated".
 *
 * <p>Two tasks of one model hand a token back and forth {@value #PASSES} times per invocation;
 * the score is the time per hand-off. On platform threads each pass parks one kernel thread and
 * wakes the other (a futex round trip); virtual threads park and resume continuations on carrier
 * threads; the event loop runs the other task's callback from its ready queue. Expect the loop and
 * virtual threads well below platform threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContextSwitchBenchmark extends TaskBenchmark {

    /** Hand-offs per invocation: enough that starting the two tasks is noise. */
    static final int PASSES = 2_000;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "platform-pool", "coroutines"})
    public String model;


    public ContextSwitchBenchmark() {
        // two tasks, two threads
        super(2);
    }

    @Override
    String modelName() {
        return model;
    }

    /** One invocation: {@value #PASSES} hand-offs between two tasks; the score is per hand-off. */
    @Benchmark
    @OperationsPerInvocation(PASSES)
    public void handoff() throws InterruptedException {
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
