package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.PYTHON_ASYNCIO;
import static dev.concbench.vocab.ModelKind.PYTHON_THREADS;
import static dev.concbench.vocab.ModelKind.PYTHON_UVLOOP;
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
 * named in the evidence. CPython's rows have no pinned variant: its default rows are compared.
 *
 * @param cast which models play the loop and the threads
 */
public record ContextSwitchRule(Cast cast) implements Rule {

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
        m.put(PYTHON_ASYNCIO.id(), "a future's result set and its awaiting task resumed by the same loop thread: no"
                + " syscall");
        m.put(PYTHON_UVLOOP.id(), "the same on uvloop's (libuv) loop");
        m.put(PYTHON_THREADS.id(), "a lock released and acquired between two OS threads: a futex wake-up, a kernel"
                + " switch, and the GIL changing hands");
        return m;
    }

    @Override
    public String describe() {
        Query handoff = Query.of(SCENARIO, cast.loop(), "handoff");
        return ratio(handoff, handoff.withModel(cast.lightweight())).describe() + "; on the pinned rows (" + PINNED
                + "=true, one CPU) when both models have them, else on the default rows";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        Query handoff = Query.of(SCENARIO, cast.loop(), "handoff");
        Query pinned = handoff.with(PINNED, "true");
        boolean likeForLike = data.has(pinned) && data.has(pinned.withModel(cast.pool()));
        Query rows = likeForLike ? pinned : data.has(handoff.with(PINNED, "false")) ? handoff.with(PINNED, "false")
                : handoff;
        evidence.note("rows compared", likeForLike
                ? "the pinned variant (" + PINNED + "=true): both forks on one CPU, so the kernel switch is a"
                        + " same-core switch"
                : "the default rows (no pinned variant for both models in this run): the platform hand-off wakes a"
                        + " thread that may sit on another, idle vCPU");
        MECHANISMS.forEach((model, how) -> {
            if (Cast.models(cast.loop(), cast.lightweight(), cast.pool()).contains(model)) {
                evidence.note(model + " hand-off mechanism", how);
            }
        });
        // virtual threads are context: their pinned row when the run has one, else their default row
        Query virtual = data.has(rows.withModel(cast.lightweight())) ? rows.withModel(cast.lightweight())
                : handoff.withModel(cast.lightweight());
        return ratio(rows, virtual).judge(data, evidence);
    }

    private RatioRule ratio(Query handoff, Query lightweight) {
        Query spawn = Query.of("spawn", cast.loop(), "spawn");
        List<Labeled> context = new java.util.ArrayList<>(List.of(
                new Labeled(cast.lightweight() + " handoff", lightweight)));
        Cast.models(cast.loop(), cast.lightweight(), cast.perTask(), cast.processes()).forEach(
                m -> context.add(new Labeled(m + " spawn", spawn.withModel(m))));
        return new RatioRule(new Labeled(cast.pool() + " handoff", handoff.withModel(cast.pool())),
                new Labeled(cast.loop() + " handoff", handoff), SLOWER_SWITCH, NOT_SLOWER,
                "a kernel-mediated switch costs a syscall and a scheduler pass; a loop switch is a method call",
                "A hand-off between two " + cast.threads() + " went through the kernel and cost %s a hand-off between"
                        + " two loop tasks." + (cast.jvm() ? " Virtual threads switch in user space too (see their row)."
                        : ""),
                (cast.jvm() ? "Platform-thread" : "CPython thread") + " hand-offs were not clearly slower than the"
                        + " loop's (%s).",
                context);
    }
}
