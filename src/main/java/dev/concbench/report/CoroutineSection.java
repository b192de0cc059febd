package dev.concbench.report;

import static dev.concbench.vocab.ModelKind.COROUTINES;
import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.results.Direction;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import dev.concbench.vocab.ModelKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report's "Coroutines vs callbacks" section: what straight-line code costs on our loop. Every
 * {@code coroutines} row stands beside the {@code eventloop} row (the same workload written as
 * callbacks on futures) of the same scenario, workload parameters and metric, with the ratio
 * coroutines / callbacks and its interval (Fieller's, from both rows' errors: {@link Measure#over}, as
 * the "Our loop vs Netty" section computes it), and {@code virtual}'s row beside as the third
 * reference (virtual / callbacks). The section opens with the three questions in words
 * ({@link #CONCEPTS}): hand-off, memory per waiting unit, spawn cost.
 *
 * <p>A ratio is stated only when it can decide: a guarded row, a row with fewer than
 * {@link #MIN_SAMPLES} samples, without a finite error or whose error reaches down to 0 (its interval
 * then says nothing of the ratio's size, e.g. {@code 37.2 ± 62.4 us}), or a value that is not positive
 * make the comparison "not decided", with the reason, never a bare ratio. A ratio whose interval
 * holds 1 is "no difference beyond the error".
 */
final class CoroutineSection {

    /** Fewer samples than this give a 99.9% interval too wide to decide (Student t with 1 d.f. is 637). */
    static final int MIN_SAMPLES = 3;

    /**
     * The section as the page shows it.
     *
     * @param headlines one sentence per question of the issue: hand-off, memory per waiting unit, spawn cost
     * @param rows      one per metric both {@code coroutines} and {@code eventloop} measured
     * @param summary   how many comparisons decided, one sentence
     */
    record CoroutineView(List<String> headlines, List<CompareRow> rows, String summary) {
    }

    /**
     * One metric of coroutines beside callbacks.
     *
     * @param what         scenario, parameters and metric
     * @param callbacks    {@code eventloop}'s value with its error and samples
     * @param coroutines   {@code coroutines}' value with its error and samples
     * @param virtual      {@code virtual}'s value, or a dash when it did not run this workload
     * @param ratio        coroutines / callbacks with its interval, or a dash when not decided
     * @param virtualRatio virtual / callbacks, likewise
     * @param verdict      coroutines against callbacks in words, or "not decided" and why
     * @param css          {@code differs}, {@code alike} or {@code unknown}
     * @param outcome      how the comparison came out
     */
    record CompareRow(String what, String callbacks, String coroutines, String virtual, String ratio,
            String virtualRatio, String verdict, String css, Outcome outcome) {
    }

    /** How a comparison came out. */
    enum Outcome {
        DIFFERS("differs"), ALIKE("alike"), NOT_DECIDED("unknown");

        private final String css;

        Outcome(String css) {
            this.css = css;
        }
    }

    /** One of the questions: the row that answers it, and how the sentence names what it costs. */
    private record Concept(String label, String scenario, String metric, String per) {
    }

    /** The questions the section opens with, in this order. */
    private static final List<Concept> CONCEPTS = List.of(
            new Concept("Hand-off", "context-switch", "handoff", "per hand-off"),
            new Concept("Hand-off, loop-thread CPU", "context-switch", "handoffCpu", "in loop-thread CPU per hand-off"),
            new Concept("Memory per waiting unit (heap)", "memory", "heapPerUnit", "in heap per waiting unit"),
            new Concept("Memory per waiting unit (RSS)", "memory", "rssPerUnit", "in RSS per waiting unit"),
            new Concept("Spawn cost", "spawn", "spawn", "per spawn"));

    /** A ratio of two rows, or why it cannot decide. */
    private record Judged(Optional<Measure> ratio, String notDecided) {
        boolean decided() {
            return notDecided == null;
        }
    }

    private CoroutineSection() {
    }

    /** The section, or null when no {@code coroutines} row stands beside an {@code eventloop} one. */
    static CoroutineView of(RunSummary summary) {
        Map<String, Set<String>> sweptBy = new HashMap<>();
        List<CompareRow> rows = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        Map<Concept, CompareRow> answered = new HashMap<>();
        for (ResultRow co : summary.rows()) {
            if (!COROUTINES.is(co.model())) {
                continue;
            }
            Set<String> swept = sweptBy.computeIfAbsent(co.scenario(), s -> ReferenceSection.swept(summary, s));
            Optional<ResultRow> callbacks = counterpart(summary, co, EVENTLOOP, swept);
            if (callbacks.isEmpty()) {
                continue;
            }
            Optional<ResultRow> virtual = counterpart(summary, co, VIRTUAL, swept);
            Optional<Concept> concept = concept(co);
            CompareRow row = compare(callbacks.get(), co, virtual.orElse(null), concept.map(Concept::per).orElse(null));
            concept.ifPresent(c -> answered.putIfAbsent(c, row));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return null;
        }
        for (Concept c : CONCEPTS) {
            CompareRow row = answered.get(c);
            headlines.add(c.label() + ": " + (row == null ? "not measured in this run (no coroutines row beside an"
                    + " eventloop one in " + c.scenario() + ")." : row.verdict() + "."));
        }
        List<CompareRow> ordered = new ArrayList<>(rows);
        List<CompareRow> first = CONCEPTS.stream().map(answered::get).filter(r -> r != null).toList();
        ordered.removeAll(first);
        ordered.addAll(0, first);
        return new CoroutineView(headlines, ordered, summary(ordered));
    }

    /** The row of {@code model} that measured the same workload and metric as {@code row}. */
    private static Optional<ResultRow> counterpart(RunSummary summary, ResultRow row, ModelKind model, Set<String> swept) {
        Map<String, String> workload = ReferenceSection.workload(row, swept);
        return summary.rows(row.scenario()).stream().filter(r -> model.is(r.model()) && r.metric().equals(row.metric())
                && ReferenceSection.workload(r, swept).equals(workload)).findFirst();
    }

    /** The question a row answers, if any: the first of a scenario's rows of that metric (e.g. unpinned hand-off). */
    private static Optional<Concept> concept(ResultRow row) {
        return CONCEPTS.stream().filter(c -> c.scenario().equals(row.scenario()) && c.metric().equals(row.metric()))
                .findFirst();
    }

    /**
     * Coroutines against callbacks, virtual beside.
     *
     * @param per how the sentence names the metric ("per hand-off"), or null for "in {metric}"
     */
    static CompareRow compare(ResultRow callbacks, ResultRow coroutines, ResultRow virtual, String per) {
        String what = coroutines.scenario() + (coroutines.params().isEmpty() ? "" : " " + coroutines.params()) + ": "
                + coroutines.metric();
        String in = per != null ? per : "in " + coroutines.metric();
        Judged co = judge(callbacks, coroutines);
        Judged vt = virtual == null ? null : judge(callbacks, virtual);
        Outcome outcome = !co.decided() ? Outcome.NOT_DECIDED
                : co.ratio().get().low() > 1 || co.ratio().get().high() < 1 ? Outcome.DIFFERS : Outcome.ALIKE;
        String verdict = words("coroutines", co, coroutines.better(), in, outcome == Outcome.ALIKE)
                + (vt == null ? "" : "; " + words("virtual threads", vt, virtual.better(), in,
                        vt.decided() && vt.ratio().get().low() <= 1 && vt.ratio().get().high() >= 1));
        return new CompareRow(what, value(callbacks), value(coroutines), virtual == null ? "-" : value(virtual),
                ratioText(co), vt == null ? "-" : ratioText(vt), verdict, outcome.css, outcome);
    }

    /** {@code row / callbacks}, or why that ratio cannot decide. */
    private static Judged judge(ResultRow callbacks, ResultRow row) {
        for (ResultRow r : List.of(callbacks, row)) {
            String who = "the " + (EVENTLOOP.is(r.model()) ? "callbacks" : r.model()) + " row";
            if (!r.trusted()) {
                return new Judged(Optional.empty(), who + " is guarded (" + String.join("; ", r.guards()) + ")");
            }
            if (r.samples() < MIN_SAMPLES) {
                return new Judged(Optional.empty(), who + " has " + r.samples() + " sample" + (r.samples() == 1 ? "" : "s")
                        + " (fewer than " + MIN_SAMPLES + ")");
            }
            if (!Double.isFinite(r.value()) || !Double.isFinite(r.error())) {
                return new Judged(Optional.empty(), who + " has no finite value and error");
            }
            if (r.error() > 0 && r.error() >= Math.abs(r.value())) {
                return new Judged(Optional.empty(), who + "'s error reaches down to 0 (" + ReportPage.row(r).value() + ")");
            }
        }
        Optional<Measure> ratio = Measure.of(row).overIfDefined(Measure.of(callbacks));
        if (ratio.isEmpty()) {
            return new Judged(ratio, "the callbacks value is not positive, so no ratio");
        }
        if (!Double.isFinite(ratio.get().low()) || !Double.isFinite(ratio.get().high())) {
            return new Judged(ratio, "the ratio's interval is unbounded (" + interval(ratio.get())
                    + "): a row's error reaches down to 0");
        }
        return new Judged(ratio, null);
    }

    /** E.g. "coroutines cost 3.10x callbacks per hand-off (2.20..4.50)", or "coroutines: not decided: ...". */
    private static String words(String who, Judged j, Direction better, String in, boolean alike) {
        if (!j.decided()) {
            return who + ": not decided, " + j.notDecided();
        }
        Measure r = j.ratio().get();
        String verb = switch (better) {
            case LOWER_IS_BETTER -> "cost";
            case HIGHER_IS_BETTER -> "reach";
            case NEUTRAL -> "measure";
        };
        String factor = Measure.number(r.value()) + "x callbacks " + in + " (" + interval(r) + ")";
        return alike ? who + ": no difference beyond the error, " + factor : who + " " + verb + " " + factor;
    }

    private static String interval(Measure ratio) {
        return Measure.number(ratio.low()) + ".." + Measure.number(ratio.high());
    }

    private static String ratioText(Judged j) {
        return j.decided() ? Measure.number(j.ratio().get().value()) + "x (" + interval(j.ratio().get()) + ")" : "-";
    }

    private static String value(ResultRow r) {
        return ReportPage.row(r).value() + ", " + r.samples() + " samples" + (r.trusted() ? "" : ", guarded");
    }

    /** E.g. "Of 12 metrics: 5 differ beyond their error, 3 show no difference, 4 not decided." */
    private static String summary(List<CompareRow> rows) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        rows.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return "Of " + rows.size() + (rows.size() == 1 ? " metric" : " metrics") + " both measured: " + counts.getOrDefault(Outcome.DIFFERS, 0L)
                + " differ beyond their error, " + counts.getOrDefault(Outcome.ALIKE, 0L) + " show no difference beyond it, "
                + counts.getOrDefault(Outcome.NOT_DECIDED, 0L) + " not decided.";
    }
}
