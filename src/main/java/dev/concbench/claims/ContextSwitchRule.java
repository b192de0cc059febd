package dev.concbench.claims;

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
        m.put("eventloop", "a callback queued on the same thread: no stack switch, no syscall");
        m.put("virtual", "a continuation unmounted from and mounted on a carrier thread: user space, no kernel"
                + " switch while the carriers have work");
        m.put("platform-pool", "a futex wake-up and a kernel scheduler switch between two OS threads (across"
                + " CPUs unless the fork is pinned to one)");
        return m;
    }

    @Override
    public String describe() {
        return ratio(Query.of(SCENARIO, "eventloop", "handoff")).describe() + "; on the pinned rows (" + PINNED
                + "=true, one CPU) when both models have them, else on the default rows";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        Query handoff = Query.of(SCENARIO, "eventloop", "handoff");
        Query pinned = handoff.with(PINNED, "true");
        boolean likeForLike = data.has(pinned) && data.has(pinned.withModel("platform-pool"));
        Query rows = likeForLike ? pinned : data.has(handoff.with(PINNED, "false")) ? handoff.with(PINNED, "false")
                : handoff;
        evidence.note("rows compared", likeForLike
                ? "the pinned variant (" + PINNED + "=true): both forks on one CPU, so the kernel switch is a"
                        + " same-core switch"
                : "the default rows (no pinned variant for both models in this run): the platform hand-off wakes a"
                        + " thread that may sit on another, idle vCPU");
        MECHANISMS.forEach((model, how) -> evidence.note(model + " hand-off mechanism", how));
        return ratio(rows).judge(data, evidence);
    }

    private static RatioRule ratio(Query handoff) {
        Query spawn = Query.of("spawn", "eventloop", "spawn");
        return new RatioRule(new Labeled("platform-pool handoff", handoff.withModel("platform-pool")),
                new Labeled("eventloop handoff", handoff), SLOWER_SWITCH, NOT_SLOWER,
                "a kernel-mediated switch costs a syscall and a scheduler pass; a loop switch is a method call",
                "A hand-off between two platform threads went through the kernel and cost %s a hand-off between"
                        + " two loop tasks. Virtual threads switch in user space too (see their row).",
                "Platform-thread hand-offs were not clearly slower than the loop's (%s).",
                List.of(new Labeled("virtual handoff", handoff.withModel("virtual")),
                        new Labeled("eventloop spawn", spawn), new Labeled("virtual spawn", spawn.withModel("virtual")),
                        new Labeled("thread-per-task spawn", spawn.withModel("thread-per-task")),
                        new Labeled("process-pool spawn", spawn.withModel("process-pool"))));
    }
}
