package dev.concbench.claims;

import dev.concbench.results.Measure;
import java.util.List;
import java.util.Optional;

/**
 * How far one model scaled in the {@code scalability} scenario: the largest concurrency it was
 * measured at, and the first concurrency (number of tasks) at which it broke, by one of three
 * signs: its p99 reached {@value #P99_BREAK} x its p99 at the smallest concurrency (error
 * included); its resident memory reached {@value #MEMORY_BREAK} of the machine's; or platform
 * threads failed to start ({@code startFailure}).
 *
 * @param model          the model
 * @param work           the {@code work} parameter scanned ({@code sleep} or {@code http})
 * @param reached        the largest task count with a trusted p99, or 0 when none
 * @param p99BreaksAt    first task count whose p99 broke, or null
 * @param memoryBreaksAt first task count whose memory broke, or null
 * @param startFailedAt  first task count at which threads failed to start, or null
 * @param started        how many tasks had started when they failed, or null
 * @param note           the whole story in one sentence, for the evidence
 */
public record ModelScaling(String model, String work, long reached, Long p99BreaksAt, Long memoryBreaksAt,
        Long startFailedAt, Long started, String note) {

    static final String SCENARIO = "scalability";
    /** p99 breaks at this multiple of its value at the smallest concurrency. */
    public static final double P99_BREAK = 2;
    /** Memory breaks when the tasks' resident memory reaches this fraction of physical memory. */
    public static final double MEMORY_BREAK = 0.5;

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

    /** Scans one model's rows of the {@code scalability} scenario for {@code work}. */
    public static ModelScaling scan(RunData data, String model, String work) {
        List<Long> tasks = data.values(SCENARIO, "tasks").stream().filter(RunData::isNumber)
                .map(Long::parseLong).toList();
        long memory = data.env().map(e -> e.memoryBytes()).orElse(0L);
        Measure baseline = null;
        long baselineTasks = 0;
        long reached = 0;
        Long p99Break = null;
        Long memoryBreak = null;
        Long failedAt = null;
        Long started = null;
        for (long t : tasks) {
            Optional<Measure> failure = data.find(q(model, work, t, "startFailure"));
            if (failure.isPresent()) {
                failedAt = t;
                started = (long) failure.get().value();
                break;
            }
            Optional<Measure> p99 = data.find(q(model, work, t, "p99"));
            if (p99.isEmpty()) {
                continue;
            }
            reached = t;
            if (baseline == null) {
                baseline = p99.get();
                baselineTasks = t;
            } else if (p99Break == null && p99.get().overIfDefined(baseline)
                    .map(r -> Check.atLeast(r, P99_BREAK) == Check.Outcome.HOLDS).orElse(false)) {
                p99Break = t;
            }
            Optional<Measure> rss = data.find(q(model, work, t, "rssPerTask"));
            if (memoryBreak == null && memory > 0 && rss.isPresent()
                    && rss.get().value() * t >= MEMORY_BREAK * memory) {
                memoryBreak = t;
            }
        }
        String note = note(model, reached, baseline, baselineTasks, p99Break, memoryBreak, failedAt, started);
        return new ModelScaling(model, work, reached, p99Break, memoryBreak, failedAt, started, note);
    }

    private static String note(String model, long reached, Measure baseline, long baselineTasks, Long p99Break,
            Long memoryBreak, Long failedAt, Long started) {
        if (reached == 0 && failedAt == null) {
            return "no trusted p99 row";
        }
        StringBuilder s = new StringBuilder();
        if (p99Break == null && memoryBreak == null) {
            s.append("held to ").append(Measure.number(reached)).append(" tasks");
        } else {
            s.append("measured to ").append(Measure.number(reached)).append(" tasks");
        }
        if (baseline != null) {
            s.append(" (p99 ").append(baseline.format()).append(" at ").append(Measure.number(baselineTasks))
                    .append(")");
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
        return s.toString();
    }

    static Query q(String model, String work, long tasks, String metric) {
        return Query.of(SCENARIO, model, metric, "tasks=" + tasks, "work=" + work);
    }
}
