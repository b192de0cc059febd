package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.PROCESS_POOL;
import static dev.concbench.vocab.ModelKind.THREAD_PER_TASK;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.claims.RatioRule.Labeled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context-switch row: one hand-off between two tasks, platform threads against the loop, as a
 * {@link RatioRule} on like-for-like rows. When the run has the pinned variant for both models
 * ({@code pinned=true}: the fork confined to one CPU), the ratio is taken on those rows, so the
 * kernel's switch is a same-core switch rather than a wake-up of another, often idle, vCPU;
 * otherwise on the default rows, and the evidence says so. Each model's hand-off mechanism is
 * named in the evidence.
 */
public record ContextSwitchRule() implements Rule {

    static final String SCENARIO = "context-switch";
    /** The parameter of the pinned variant. */
    public static final String PINNED = "pinned";
    /** Kernel-mediated switches must cost at least this many times the loop's user-space ones. */
    public static final double SLOWER_SWITCH = 2;
    /** Below this kernel switches were no slower than the loop's: contradicted. */
    public static final double NOT_SLOWER = 1;

    /** What one hand-off is, per model. */
    static final Map<String, String> MECHANISMS = mechanisms();

    private static Map<String, String> mechanisms() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(EVENTLOOP.id(), "a callback queued on the same thread: no stack switch, no syscall");
        m.put(VIRTUAL.id(), "a continuation unmounted from and mounted on a carrier thread: user space, no kernel"
                + " switch while the carriers have work");
        m.put(PLATFORM_POOL.id(), "a futex wake-up and a kernel scheduler switch between two OS threads (across"
                + " CPUs unless the fork is pinned to one)");
        return m;
    }

    @Override
    public String describe() {
        Query handoff = Query.of(SCENARIO, EVENTLOOP.id(), "handoff");
        return ratio(handoff, handoff.withModel(VIRTUAL.id())).describe() + "; on the pinned rows (" + PINNED
                + "=true, one CPU) when both models have them, else on the default rows";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        Query handoff = Query.of(SCENARIO, EVENTLOOP.id(), "handoff");
        Query pinned = handoff.with(PINNED, "true");
        boolean likeForLike = data.has(pinned) && data.has(pinned.withModel(PLATFORM_POOL.id()));
        Query rows = likeForLike ? pinned : data.has(handoff.with(PINNED, "false")) ? handoff.with(PINNED, "false")
                : handoff;
        evidence.note("rows compared", likeForLike
                ? "the pinned variant (" + PINNED + "=true): both forks on one CPU, so the kernel switch is a"
                        + " same-core switch"
                : "the default rows (no pinned variant for both models in this run): the platform hand-off wakes a"
                        + " thread that may sit on another, idle vCPU");
        MECHANISMS.forEach((model, how) -> evidence.note(model + " hand-off mechanism", how));
        // virtual threads are context: their pinned row when the run has one, else their default row
        Query virtual = data.has(rows.withModel(VIRTUAL.id())) ? rows.withModel(VIRTUAL.id()) : handoff.withModel(VIRTUAL.id());
        return ratio(rows, virtual).judge(data, evidence);
    }

    private static RatioRule ratio(Query handoff, Query virtual) {
        Query spawn = Query.of("spawn", EVENTLOOP.id(), "spawn");
        return new RatioRule(new Labeled("platform-pool handoff", handoff.withModel(PLATFORM_POOL.id())),
                new Labeled("eventloop handoff", handoff), SLOWER_SWITCH, NOT_SLOWER,
                "a kernel-mediated switch costs a syscall and a scheduler pass; a loop switch is a method call",
                "A hand-off between two platform threads went through the kernel and cost %s a hand-off between"
                        + " two loop tasks. Virtual threads switch in user space too (see their row).",
                "Platform-thread hand-offs were not clearly slower than the loop's (%s).",
                List.of(new Labeled("virtual handoff", virtual),
                        new Labeled("eventloop spawn", spawn), new Labeled("virtual spawn", spawn.withModel(VIRTUAL.id())),
                        new Labeled("thread-per-task spawn", spawn.withModel(THREAD_PER_TASK.id())),
                        new Labeled("process-pool spawn", spawn.withModel(PROCESS_POOL.id()))));
    }
}
