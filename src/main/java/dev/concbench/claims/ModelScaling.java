package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far one model scaled in the {@code scalability} scenario, timed from the moment the start
 * gate opens ({@value #P99}: every task has been created by then, so the thread factory's cost is
 * not in it; that cost is {@value #CREATE_COST}, per task, shown apart). A model breaks at the first
 * task count at which, by one of three signs: its p99 from the gate reached {@value #P99_BREAK} x its
 * p99 at the smallest count (error included); its resident memory reached {@value #MEMORY_BREAK} of
 * the machine's; or its threads failed to start ({@code startFailure}). It holds at a count when
 * its p99 there is wholly below {@value #P99_BREAK} x; a ratio that straddles it stops the scan:
 * from there on this run cannot tell, and nothing past it counts as held.
 *
 * @param model          the model
 * @param work           the {@code work} parameter scanned ({@code sleep} or {@code http})
 * @param heldTo         the largest task count up to which every count held, or 0 when none
 * @param p99BreaksAt    first task count whose p99 broke, or null
 * @param memoryBreaksAt first task count whose memory broke, or null
 * @param startFailedAt  first task count at which threads failed to start, or null
 * @param started        how many tasks had started when they failed, or null
 * @param undecided      why the scan stopped short of a break without holding further, or null
 * @param rows           the p99 rows the scan decided on, in order
 * @param note           the whole story in one sentence, for the evidence
 */
public record ModelScaling(String model, String work, long heldTo, Long p99BreaksAt, Long memoryBreaksAt,
        Long startFailedAt, Long started, String undecided, List<ResultRow> rows, String note) {

    static final String SCENARIO = "scalability";
    /** Task latency from the gate opening to the task's completion, its p99 per shot, in ms. */
    public static final String P99 = "latencyFromGate.p99";
    /** What creating (and starting) one unit costs before the gate opens, per unit. */
    public static final String CREATE_COST = "createCost";
    /** p99 breaks at this multiple of its value at the smallest concurrency. */
    public static final double P99_BREAK = 2;
    /** Memory breaks when the tasks' resident memory reaches this fraction of physical memory. */
    public static final double MEMORY_BREAK = 0.5;

    public ModelScaling {
        rows = List.copyOf(rows);
    }

    /** The first task count at which any sign of breaking showed, or empty. */
    public Optional<Long> firstBreak() {
        return java.util.stream.Stream.of(p99BreaksAt, memoryBreaksAt, startFailedAt)
                .filter(java.util.Objects::nonNull).min(Long::compare);
    }

    /** The {@code work} value to scan: {@code sleep} when measured (pure scheduling), else the first. */
    public static Optional<String> work(RunData data) {
        List<String> works = data.values(SCENARIO, "work");
        return works.contains("sleep") ? Optional.of("sleep") : works.stream().findFirst();
    }

    /** Scans one model's rows of the {@code scalability} scenario for {@code work}, deciding on each. */
    public static ModelScaling scan(RunData data, String model, String work) {
        List<Long> tasks = data.values(SCENARIO, "tasks").stream().filter(RunData::isNumber)
                .map(Long::parseLong).toList();
        long memory = data.env().map(e -> e.memoryBytes()).orElse(0L);
        Measure baseline = null;
        long baselineTasks = 0;
        long heldTo = 0;
        Long p99Break = null;
        Long memoryBreak = null;
        Long failedAt = null;
        Long started = null;
        String undecided = null;
        List<ResultRow> rows = new ArrayList<>();
        for (long t : tasks) {
            Optional<Measure> failure = data.find(q(model, work, t, "startFailure"));
            if (failure.isPresent()) {
                failedAt = t;
                started = (long) failure.get().value();
                break;
            }
            Optional<Measure> rss = data.find(q(model, work, t, "rssPerTask"));
            if (memoryBreak == null && memory > 0 && rss.isPresent()
                    && rss.get().value() * t >= MEMORY_BREAK * memory) {
                memoryBreak = t;
            }
            if (p99Break != null || undecided != null || !data.has(q(model, work, t, P99))) {
                continue; // past a break or an undecided count, only start failures and memory still tell
            }
            ResultRow row;
            try {
                row = data.decidingRow(q(model, work, t, P99), java.util.Set.of());
            } catch (NotMeasured e) {
                undecided = e.getMessage();
                continue;
            }
            rows.add(row);
            Measure p99 = new Measure(row.value(), row.error(), row.unit());
            if (baseline == null) {
                baseline = p99;
                baselineTasks = t;
                heldTo = t;
                continue;
            }
            Optional<Measure> ratio = p99.overIfDefined(baseline);
            Check.Outcome broke = ratio.map(r -> Check.atLeast(r, P99_BREAK)).orElse(Check.Outcome.INCONCLUSIVE);
            if (broke == Check.Outcome.HOLDS) {
                p99Break = t;
                continue;
            }
            if (broke == Check.Outcome.INCONCLUSIVE) {
                undecided = "inconclusive at " + Measure.number(t) + " tasks: p99 " + p99.format() + " is "
                        + ratio.map(Measure::format).orElse("n/a") + " its p99 at " + Measure.number(baselineTasks)
                        + ", an interval that straddles " + Measure.number(P99_BREAK) + " x";
                continue;
            }
            heldTo = memoryBreak == null ? t : heldTo;
        }
        String note = note(model, heldTo, baseline, baselineTasks, p99Break, memoryBreak, failedAt, started, undecided);
        return new ModelScaling(model, work, heldTo, p99Break, memoryBreak, failedAt, started, undecided, rows, note);
    }

    private static String note(String model, long heldTo, Measure baseline, long baselineTasks, Long p99Break,
            Long memoryBreak, Long failedAt, Long started, String undecided) {
        if (baseline == null && failedAt == null) {
            return undecided == null ? "no " + P99 + " row" : "not measured: " + undecided;
        }
        StringBuilder s = new StringBuilder("held to ").append(Measure.number(heldTo)).append(" tasks");
        if (baseline != null) {
            s.append(" (p99 from the gate ").append(baseline.format()).append(" at ")
                    .append(Measure.number(baselineTasks)).append(")");
        }
        if (p99Break != null) {
            s.append("; p99 broke (>= ").append(Measure.number(P99_BREAK)).append(" x) at ")
                    .append(Measure.number(p99Break));
        }
        if (memoryBreak != null) {
            s.append("; memory reached half the machine's at ").append(Measure.number(memoryBreak));
        }
        if (failedAt != null) {
            s.append("; threads failed to start at ").append(Measure.number(failedAt)).append(" tasks (")
                    .append(Measure.number(started)).append(" started)");
        }
        if (undecided != null) {
            s.append("; then undecided: ").append(undecided);
        }
        return s.toString();
    }

    static Query q(String model, String work, long tasks, String metric) {
        return Query.of(SCENARIO, model, metric, "tasks=" + tasks, "work=" + work);
    }
}
