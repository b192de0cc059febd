package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.THREAD_PER_TASK;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.EnvInfo;
import dev.concbench.vocab.StackFlags;
import java.util.List;
import java.util.Optional;

/**
 * The memory row. Two questions, both answered from the {@code memory} scenario at its largest
 * {@code units}: do threads cost more per unit than the loop (resident memory, RSS, per unit),
 * and is a thread's cost the seed's ~8 MB? The 8 MB is a reservation (glibc's default pthread
 * stack = {@code ulimit -s}), so it is compared with address space reserved per thread
 * ({@code VmSize} per unit), never with resident memory. A JVM thread reserves what {@code -Xss}
 * says (1 MB by default on x64 Linux), which this rule verifies from the data.
 */
public record MemoryRule() implements Rule {

    static final String SCENARIO = "memory";
    static final String LOOP = EVENTLOOP.id();
    static final String THREADS = THREAD_PER_TASK.id();
    static final List<String> MODELS = List.of(LOOP, VIRTUAL.id(), THREADS);

    /** The seed's "~8 MB default" stack reservation per thread, in bytes (8 MiB). */
    public static final double SEED_STACK_BYTES = 8.0 * 1024 * 1024;
    /** The {@code stack} parameter of the thread-per-task row that runs with the seed's 8 MiB stack. */
    static final String SEED_STACK = "8m";
    /** Threads must be at least this many times the loop's resident memory per unit. */
    public static final double HIGHER = 2;
    /** The reservation matches "~8 MB" when reserved / 8 MiB lies in [1/2, 2]. */
    public static final double ABOUT_LOW = 0.5;
    public static final double ABOUT_HIGH = 2;

    @Override
    public String describe() {
        return "at the largest 'units' both models ran: threads are 'higher' when thread-per-task RSS per unit / eventloop RSS per unit"
                + " >= " + Measure.number(HIGHER) + " x (else refuted); then the reservation per thread"
                + " (VmSize per unit)"
                + " / 8 MiB in [" + ABOUT_LOW + ", " + ABOUT_HIGH + "] is 'supported', below is 'differs on the JVM';"
                + " errors included; each row needs >= " + RunData.MIN_SAMPLES + " samples and a finite error";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        List<String> units = data.requireValues(SCENARIO, "units");
        // the largest count both compared models ran: platform threads stop short of the loop's
        // largest counts (pid_max), and a count only one model reached compares nothing
        String n = units.reversed().stream()
                .filter(u -> data.has(q(THREAD_PER_TASK.id(), "rssPerUnit", u)) && data.has(q(EVENTLOOP.id(), "rssPerUnit", u)))
                .findFirst().orElse(units.getLast());
        evidence.note("units (concurrent waiting tasks)", n);
        // every model's numbers first, so an undecided claim still shows what was measured
        for (String model : MODELS) {
            evidence.context(model + " heap per unit", data, q(model, "heapPerUnit", n));
            evidence.context(model + " RSS (resident) per unit", data, q(model, "rssPerUnit", n));
            evidence.context(model + " VmSize (reserved) per unit", data, q(model, "vmSizePerUnit", n));
        }
        data.env().ifPresent(env -> recordStackSettings(env, evidence));
        // the seed's own setting: platform threads with glibc's 8 MiB stack (-Xss8m), context beside the default
        Query seedStack = q(THREADS, "vmSizePerUnit", n).with(StackFlags.PARAM, SEED_STACK);
        Optional<Measure> seedReserved = data.find(seedStack);
        if (data.has(seedStack)) {
            evidence.context(THREADS + " [" + StackFlags.PARAM + "=" + SEED_STACK + "] VmSize (reserved) per unit", data, seedStack);
            evidence.context(THREADS + " [" + StackFlags.PARAM + "=" + SEED_STACK + "] RSS (resident) per unit", data,
                    q(THREADS, "rssPerUnit", n).with(StackFlags.PARAM, SEED_STACK));
        }
        Measure loopRss = evidence.decide(LOOP + " RSS (resident) per unit", data, q(LOOP, "rssPerUnit", n));
        Measure threadRss = evidence.decide(THREADS + " RSS (resident) per unit", data, q(THREADS, "rssPerUnit", n));
        Measure reserved = evidence.decide(THREADS + " VmSize (reserved) per unit", data,
                q(THREADS, "vmSizePerUnit", n));

        Measure higher = evidence.decisiveRatio("thread RSS / loop RSS per unit", threadRss, loopRss,
                ">= " + Measure.number(HIGHER) + " x");
        boolean threadsCostMore = Check.decide(Check.atLeast(higher, HIGHER), "thread RSS / loop RSS per unit",
                higher, ">= " + Measure.number(HIGHER) + " x");
        if (!threadsCostMore) {
            return new Judgement(Verdict.REFUTED, "A waiting thread did not cost clearly more resident memory than a"
                    + " waiting loop task: " + threadRss.format() + " vs " + loopRss.format() + ".");
        }
        Measure ofSeed = evidence.decisive("reserved per thread / 8 MiB", Evidence.ratio(reserved,
                Measure.exact(SEED_STACK_BYTES, reserved.unit()), "reserved per thread / 8 MiB"),
                "in [" + ABOUT_LOW + ", " + ABOUT_HIGH + "] for ~8 MB");
        Check.Outcome about = Check.within(ofSeed, ABOUT_LOW, ABOUT_HIGH);
        boolean matchesSeed = Check.decide(about, "reserved per thread / 8 MiB", ofSeed,
                "in [" + ABOUT_LOW + ", " + ABOUT_HIGH + "]");
        String costs = "Threads cost more: " + threadRss.format() + " resident per waiting thread vs "
                + loopRss.format() + " per loop task (" + higher.format() + ").";
        if (matchesSeed) {
            return new Judgement(Verdict.SUPPORTED, costs + " Each thread reserves " + reserved.format()
                    + " of address space, about the seed's ~8 MB.");
        }
        String withSeedStack = seedReserved.map(m -> " Given the seed's 8 MiB stack (-Xss8m), a thread reserves "
                + m.format() + ": the reservation follows the stack setting, residence does not.").orElse("");
        return new Judgement(Verdict.DIFFERS_ON_THE_JVM, costs + " But a JVM thread reserves " + reserved.format()
                + " (its -Xss stack), not ~8 MB, and only " + threadRss.format()
                + " of it is resident: the seed's figure is glibc's default reservation, not memory used."
                + withSeedStack);
    }

    private static Query q(String model, String metric, String units) {
        return Query.of(SCENARIO, model, metric, "units=" + units);
    }

    private static void recordStackSettings(EnvInfo env, Evidence evidence) {
        if (env.ulimits() != null && env.ulimits().get("stack") != null) {
            // recorded as text: a bare number is what `ulimit -s` prints, KiB; anything else carries its unit
            String stack = env.ulimits().get("stack").strip();
            evidence.note("ulimit -s (glibc's default thread stack)", RunData.isNumber(stack) ? stack + " KiB" : stack);
        }
        List<String> xss = env.jvmFlags() == null ? List.of()
                : env.jvmFlags().stream().filter(f -> f.startsWith("-Xss") || f.contains("ThreadStackSize")).toList();
        evidence.note("JVM stack flags", xss.isEmpty() ? "none (the JVM default)" : String.join(" ", xss));
    }
}
