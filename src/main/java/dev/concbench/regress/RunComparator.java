package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import dev.concbench.results.Mode;
import dev.concbench.results.Direction;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import dev.concbench.results.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a current run with a baseline, row key by row key ({@link ResultRow#key()}).
 *
 * <p>A row regresses when it is worse, in its metric's direction, by more than its threshold
 * <em>and</em> by more than the combined error of both runs (JMH's 99.9% half-widths propagated
 * in quadrature, tested in log space: see {@link #judge}). A row without an error (a single value
 * such as a maximum) is judged on the threshold alone and shown, but never fails the gate. It improves under
 * the mirror rule (better by a factor above 1 + threshold). Neutral metrics are never better or
 * worse: they are {@link Status#CHANGED} or unchanged. Guarded rows get their status but never
 * fail the gate.
 *
 * <p>Stateless; any thread may call it.
 */
public final class RunComparator {

    /** How rows without raw samples from enough forks are compared. */
    static final String JMH_ERRORS = "JMH 99.9% errors";

    private RunComparator() {
    }

    /**
     * Compares two results directories: reads both summaries and env.json files, refuses runs that
     * hold no rows, and refuses runs from different profiles or environments unless
     * {@link CompareOptions#allowEnvironmentMismatch()} (then the differences are in
     * {@link Comparison#environmentNotes()}).
     *
     * @throws EnvironmentMismatchException when the environments differ and that was not allowed
     * @throws CompareInputException         one line naming the directory
     */
    public static Comparison compare(ResultsDir baseline, ResultsDir current, CompareOptions options)
            throws CompareInputException {
        return compare(baseline, current, read(current), env(current), options);
    }

    /**
     * As {@link #compare(ResultsDir, ResultsDir, CompareOptions)}, for a caller that holds the current
     * run's summary and environment already (the report): only the baseline is read.
     *
     * @param current        the current run's results directory, named in messages
     * @param currentSummary its summary, as read once
     * @param currentEnv     its environment, or null when it has no env.json
     */
    public static Comparison compare(ResultsDir baseline, ResultsDir current, RunSummary currentSummary,
            EnvInfo currentEnv, CompareOptions options) throws CompareInputException {
        RunSummary b = read(baseline);
        RunSummary c = nonEmpty(current, currentSummary);
        List<String> differences = EnvironmentCheck.differences(b.profile(), env(baseline), c.profile(), currentEnv);
        if (!differences.isEmpty() && !options.allowEnvironmentMismatch()) {
            throw new EnvironmentMismatchException(differences);
        }
        List<String> notes = new ArrayList<>();
        differences.forEach(d -> notes.add("environment differs, compared anyway as asked: " + d));
        return compare(b, c, options, notes);
    }

    /**
     * Compares two summaries row by row. Never refuses: a profile difference and incomplete runs are
     * recorded in {@link Comparison#environmentNotes()}. For callers that hold summaries already
     * (the report); the command line uses {@link #compare(ResultsDir, ResultsDir, CompareOptions)}.
     */
    public static Comparison compare(RunSummary baseline, RunSummary current, CompareOptions options) {
        List<String> notes = new ArrayList<>();
        if (!Objects.equals(baseline.profile(), current.profile())) {
            notes.add("profile differs: " + baseline.profile() + " (baseline) vs " + current.profile() + " (current)");
        }
        return compare(baseline, current, options, notes);
    }

    private static Comparison compare(RunSummary baseline, RunSummary current, CompareOptions options,
            List<String> notes) {
        incomplete(notes, "baseline", baseline);
        incomplete(notes, "current run", current);
        Map<String, ResultRow> before = byKey(baseline);
        Map<String, ResultRow> after = byKey(current);
        Runs runs = new Runs(baseline, current);
        List<RowComparison> rows = new ArrayList<>();
        before.forEach((key, b) -> {
            ResultRow c = after.get(key);
            rows.add(c == null ? unpaired(b, null, options) : paired(b, c, options, runs));
        });
        after.forEach((key, c) -> {
            if (!before.containsKey(key)) {
                rows.add(unpaired(null, c, options));
            }
        });
        return new Comparison(baseline.runId(), current.runId(), options.mode(), options.threshold(),
                CompareOptions.DEFAULT_THRESHOLD, notes, rows);
    }

    private static RowComparison paired(ResultRow b, ResultRow c, CompareOptions options, Runs runs) {
        List<String> guards = new ArrayList<>();
        prefixed(guards, "baseline", b);
        prefixed(guards, "current", c);
        double threshold = options.thresholdFor(c.scenario(), c.metric());
        if (!Double.isFinite(b.value()) || !Double.isFinite(c.value())) {
            String which = Double.isFinite(b.value()) ? "current run" : "baseline";
            return skipped(b, c, null, threshold, guards, "no value in the " + which);
        }
        if (b.value() == 0 && c.value() == 0) {
            return judged(b, c, null, GateRatio.exact(1), threshold, guards, "0 in both runs");
        }
        if (options.mode() == Mode.ABSOLUTE) {
            if (!GateRatio.of(b).usableDivisor()) {
                return skipped(b, c, null, threshold, guards, "baseline value is " + b.value() + ": no ratio");
            }
            if (BootstrapRatio.decidable(b.perFork(), c.perFork())) {
                Optional<BootstrapRatio> sampled = BootstrapRatio.of(b.perFork(), c.perFork(),
                        BootstrapRatio.quantileFor(c.better()), c.key().hashCode());
                return sampled.isPresent() ? SampleVerdict.judged(b, c, sampled.get(), threshold, guards)
                        : skipped(b, c, null, threshold, guards, "a quantile of the raw samples is not positive: no ratio");
            }
            return judged(b, c, null, GateRatio.of(c).over(GateRatio.of(b)), threshold, guards, "");
        }
        for (String model : options.referenceModels()) {
            if (model.equals(c.model())) {
                if (runs.othersBesides(c) && Runs.bounded(b) && Runs.bounded(c)) {
                    return skipped(b, c, model, threshold, guards, "reference model of ratios mode");
                }
                continue;
            }
            Optional<ResultRow> refB = runs.reference(true, b, model);
            Optional<ResultRow> refC = runs.reference(false, c, model);
            if (refB.isPresent() && refC.isPresent()) {
                prefixed(guards, "baseline " + model, refB.get());
                prefixed(guards, "current " + model, refC.get());
                GateRatio before = GateRatio.of(b).over(GateRatio.of(refB.get()));
                GateRatio after = GateRatio.of(c).over(GateRatio.of(refC.get()));
                if (!before.usableDivisor()) {
                    return skipped(b, c, model, threshold, guards, "baseline value is " + b.value() + ": no ratio");
                }
                return judged(b, c, model, after.over(before), threshold, guards, "");
            }
        }
        return skipped(b, c, null, threshold, guards,
                "no reference model (" + String.join(", ", options.referenceModels())
                        + ") with a bounded value in both runs");
    }

    private static RowComparison judged(ResultRow b, ResultRow c, String reference, GateRatio ratio,
            double threshold, List<String> guards, String note) {
        Status status = judge(ratio, c.better(), threshold);
        // without an error nothing shows the change is beyond the noise: it is listed, never decides
        boolean fails = status == Status.REGRESSED && guards.isEmpty() && ratio.errorKnown();
        String why = status != Status.UNCHANGED && !ratio.errorKnown()
                ? "no error reported (a single value): judged on the threshold alone, never fails the gate" : note;
        double log = ratio.logError();
        boolean bounded = ratio.errorKnown() && Double.isFinite(log);
        double low = bounded ? ratio.value() * Math.exp(-log) : ratio.errorKnown() ? 0 : Double.NaN;
        double high = bounded ? ratio.value() * Math.exp(log) : ratio.errorKnown() ? Double.POSITIVE_INFINITY : Double.NaN;
        // flagged when beyond the threshold and beyond the error: the smallest such worsening
        double detectable = !ratio.errorKnown() ? Double.NaN : Math.max(1 + threshold, Math.exp(log)) - 1;
        return new RowComparison(c.key(), c.scenario(), c.benchmark(), c.model(), c.params(), c.metric(), c.unit(),
                c.better(), b, c, reference, ratio.value(), ratio.error(), ratio.logError(), threshold, low, high,
                detectable, JMH_ERRORS, status, fails, guards, ChangeText.change(ratio, c.better(), c.unit()), why);
    }

    /**
     * The verdict for {@code ratio} = current / baseline. The change counts when the factor by
     * which the metric moved exceeds 1 + threshold (either way) and lies outside the ratio's error.
     *
     * <p>The error test is done on the logarithm: {@code |ln ratio|} must exceed the half-width of
     * {@code ln ratio}'s interval ({@link GateRatio#logError()}: each measurement's log half-width,
     * added in quadrature). A slow-down and the matching speed-up are then judged alike; a noisy
     * run (three JMH iterations on a busy machine give errors near 100%) still lets a change of
     * many times its noise through; and a measurement whose interval reaches 0 (a reference
     * model's hand-off that stalled) makes the ratio unknowable, never a regression.
     */
    static Status judge(GateRatio ratio, Direction better, double threshold) {
        double factor = ratio.value();
        boolean beyondError = !ratio.errorKnown() || Math.abs(Math.log(factor)) > ratio.logError();
        boolean up = factor > 1 + threshold;
        boolean down = 1 / factor > 1 + threshold;
        if (!beyondError || !(up || down)) {
            return Status.UNCHANGED;
        }
        if (better == Direction.NEUTRAL) {
            return Status.CHANGED;
        }
        return up == (better == Direction.LOWER_IS_BETTER) ? Status.REGRESSED : Status.IMPROVED;
    }

    private static RowComparison skipped(ResultRow b, ResultRow c, String reference, double threshold,
            List<String> guards, String note) {
        return new RowComparison(c.key(), c.scenario(), c.benchmark(), c.model(), c.params(), c.metric(), c.unit(),
                c.better(), b, c, reference, Double.NaN, Double.NaN, Double.NaN, threshold, Double.NaN, Double.NaN,
                Double.NaN, "", Status.SKIPPED, false, guards, "", note);
    }

    private static RowComparison unpaired(ResultRow b, ResultRow c, CompareOptions options) {
        ResultRow r = c == null ? b : c;
        List<String> guards = new ArrayList<>();
        prefixed(guards, c == null ? "baseline" : "current", r);
        return new RowComparison(r.key(), r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.unit(),
                r.better(), b, c, null, Double.NaN, Double.NaN, Double.NaN, options.thresholdFor(r.scenario(), r.metric()),
                Double.NaN, Double.NaN, Double.NaN, "", c == null ? Status.MISSING : Status.NEW, false, guards, "",
                c == null ? "in the baseline, not in the current run" : "not in the baseline");
    }

    private static void prefixed(List<String> into, String run, ResultRow row) {
        row.guards().forEach(g -> into.add(run + ": " + g));
    }

    private static void incomplete(List<String> notes, String which, RunSummary s) {
        if (!s.complete()) {
            notes.add("the " + which + " (" + s.runId() + ") is marked incomplete"
                    + (s.missing().isEmpty() ? "" : ": " + s.missing().size()
                    + " planned item(s) did not run (its summary.json lists them under 'missing')"));
        }
    }

    private static Map<String, ResultRow> byKey(RunSummary summary) {
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        summary.rows().forEach(r -> rows.putIfAbsent(r.key(), r));
        return rows;
    }

    private static RunSummary read(ResultsDir dir) throws CompareInputException {
        try {
            return nonEmpty(dir, dir.readSummary());
        } catch (ResultsFormatException e) {
            throw new CompareInputException(e.getMessage());
        }
    }

    private static RunSummary nonEmpty(ResultsDir dir, RunSummary s) throws CompareInputException {
        if (s.rows().isEmpty()) {
            throw new CompareInputException(dir.path().resolve(ResultsDir.SUMMARY) + ": holds no result rows");
        }
        return s;
    }

    private static EnvInfo env(ResultsDir dir) throws CompareInputException {
        if (!dir.has(ResultsDir.ENV)) {
            return null;
        }
        try {
            return dir.readEnv();
        } catch (ResultsFormatException e) {
            throw new CompareInputException(e.getMessage());
        }
    }

    /** Both runs' rows, for finding the reference row of ratios mode. */
    private record Runs(RunSummary baseline, RunSummary current) {

        /**
         * The row of {@code model} in the same run, scenario, benchmark and metric as {@code row},
         * whose params agree with {@code row}'s on every key both have (a model's own params such as
         * {@code poolSize} do not separate them); the one sharing most keys when several agree.
         * Only rows with a positive value and a bounded interval qualify: a reference whose
         * interval reaches 0 (a stalled run) bounds no ratio, so the next model in the order is used.
         */
        Optional<ResultRow> reference(boolean inBaseline, ResultRow row, String model) {
            return (inBaseline ? baseline : current).rows().stream()
                    .filter(r -> r.model().equals(model) && r.scenario().equals(row.scenario())
                            && r.benchmark().equals(row.benchmark()) && r.metric().equals(row.metric()))
                    .filter(r -> agree(r.params(), row.params()) && GateRatio.of(r).usableDivisor() && bounded(r))
                    .max(java.util.Comparator.<ResultRow>comparingLong(r -> shared(r.params(), row.params()))
                            .thenComparing(ResultRow::key, java.util.Comparator.reverseOrder()));
        }

        /** True unless the row's 99.9% interval reaches 0 (an unknown error counts as bounded). */
        static boolean bounded(ResultRow row) {
            return !Double.isInfinite(GateRatio.of(row).logError());
        }

        /** True when the current run has rows of other models for {@code row}'s scenario, benchmark and metric. */
        boolean othersBesides(ResultRow row) {
            return current.rows().stream().anyMatch(r -> !r.model().equals(row.model())
                    && r.scenario().equals(row.scenario()) && r.benchmark().equals(row.benchmark())
                    && r.metric().equals(row.metric()));
        }

        private static boolean agree(Map<String, String> a, Map<String, String> b) {
            return a.entrySet().stream().allMatch(e -> !b.containsKey(e.getKey()) || b.get(e.getKey()).equals(e.getValue()));
        }

        private static long shared(Map<String, String> a, Map<String, String> b) {
            return a.keySet().stream().filter(b::containsKey).count();
        }
    }
}
