package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.PROCESS_POOL;
import static dev.concbench.vocab.ModelKind.PYTHON_ASYNCIO;
import static dev.concbench.vocab.ModelKind.PYTHON_PROCESSES;
import static dev.concbench.vocab.ModelKind.PYTHON_THREADS;
import static dev.concbench.vocab.ModelKind.PYTHON_UVLOOP;
import static dev.concbench.vocab.ModelKind.THREAD_PER_TASK;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.vocab.RuntimeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which model plays which part of the seed's table in one runtime: the table rules read their rows
 * through these roles, so the same rule, thresholds and error discipline judge the JVM's rows and,
 * separately, CPython's.
 *
 * @param runtime     the runtime whose rows the rule reads
 * @param loop        the asyncio side: {@code eventloop} / {@code python-asyncio}
 * @param pool        threading as a pool of threads: {@code platform-pool} / {@code python-threads}
 * @param perTask     threading as a thread per unit: {@code thread-per-task} / {@code python-threads}
 * @param processes   a process pool: {@code process-pool} / {@code python-processes}
 * @param lightweight the runtime's other cheap units, shown for context: {@code virtual} / {@code python-uvloop}
 * @param offload     the loop with CPU work offloaded, shown for context, or null
 * @param threads     how the text names the threads, e.g. {@code platform threads}
 * @param differs     the verdict when the seed's threading cell does not hold here: {@code differs on the JVM}
 *                    on the JVM; on CPython, where the seed made the claim, {@code refuted}
 */
public record Cast(RuntimeKind runtime, String loop, String pool, String perTask, String processes,
        String lightweight, String offload, String threads, Verdict differs) {

    /** The JVM's models. */
    public static final Cast JVM = new Cast(RuntimeKind.JVM, EVENTLOOP.id(), PLATFORM_POOL.id(), THREAD_PER_TASK.id(),
            PROCESS_POOL.id(), VIRTUAL.id(), EVENTLOOP_OFFLOAD.id(), "platform threads", Verdict.DIFFERS_ON_THE_JVM);

    /** CPython's models: one {@code python-threads} model plays both the pool and the thread per unit. */
    public static final Cast CPYTHON = new Cast(RuntimeKind.CPYTHON, PYTHON_ASYNCIO.id(), PYTHON_THREADS.id(),
            PYTHON_THREADS.id(), PYTHON_PROCESSES.id(), PYTHON_UVLOOP.id(), null, "CPython threads", Verdict.REFUTED);

    /**
     * The models this cast compares: every model a rule cast on it reads, and the set a condition
     * guard is symmetric over ({@link RunData#decidingRow}). A model in no cast ({@code netty},
     * {@code coroutines}: references for {@code eventloop} that the report sets beside it) is never
     * compared by a claim, so its guards void its own rows only.
     */
    public List<String> compared() {
        return models(loop, pool, perTask, processes, lightweight, offload);
    }

    /** Whether this is the JVM's cast. */
    public boolean jvm() {
        return runtime == RuntimeKind.JVM;
    }

    /** The given models without nulls and repeats, in order (a role this runtime has no model for is null). */
    static List<String> models(String... models) {
        return Arrays.stream(models).filter(Objects::nonNull).distinct().toList();
    }
}
