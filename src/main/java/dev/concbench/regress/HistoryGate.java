package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.Direction;
import dev.concbench.results.Measure;
import dev.concbench.results.Mode;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RowComparison;
import dev.concbench.results.RunSummary;
import dev.concbench.results.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a run against its history: each row against the same row of the last N comparable runs
 * (same environment fingerprint and profile), with a lookback z-score on the value, as Conbench
 * does over its last commits.
 *
 * <p>The test: {@code z = (x - mean) / s}, where {@code mean} is the earlier runs' mean and
 * {@code s} the larger of their sample standard deviation and their median reported error divided
 * by {@value #ERROR_TO_SD} (JMH's 99.9% half-width as a standard deviation), so runs that happen to
 * agree exactly do not make every wobble a regression. A row regressed when {@code z} is at least
 * {@value #Z_THRESHOLD} in its worse direction, with at least {@value #MIN_RUNS} earlier runs behind it.
 * Guarded rows, neutral metrics and rows with too little history do not decide.
 */
public final class HistoryGate {

    /** How many standard deviations away from the history a value must be to count as a change. */
    public static final double Z_THRESHOLD = 3.0;
    /** How many earlier runs a row needs before it is judged. */
    public static final int MIN_RUNS = 3;
    /** The z of a two-sided 99.9% interval: turns JMH's error (a half-width) into a standard deviation. */
    static final double ERROR_TO_SD = 3.29;

    /** What a row's history says. */
    public enum Verdict {
        REGRESSED("regressed"), IMPROVED("improved"), UNCHANGED("unchanged"), TOO_LITTLE_HISTORY("too little history"),
        NOT_JUDGED("not judged");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row of the current run against its history.
     *
     * @param row     the current row
     * @param n       how many earlier runs have the row
     * @param mean    their mean, in the row's unit ({@code NaN} without history)
     * @param spread  the {@code s} of the test, in the row's unit
     * @param z       the z-score, signed so that positive is worse ({@code NaN} when not computed)
     * @param verdict what it means
     * @param why     for rows that do not decide, why
     */
    public record RowVerdict(ResultRow row, int n, double mean, double spread, double z, Verdict verdict, String why) {

        /**
         * The verdict as a row of {@code compare.json}: no baseline row (the history is many runs),
         * ratio = now / history mean, the z-score in {@code statistic}; a row that was not judged is skipped.
         */
        RowComparison comparison() {
            Status status = switch (verdict) {
                case REGRESSED -> Status.REGRESSED;
                case IMPROVED -> Status.IMPROVED;
                case UNCHANGED -> Status.UNCHANGED;
                case TOO_LITTLE_HISTORY, NOT_JUDGED -> Status.SKIPPED;
            };
            String statistic = Double.isNaN(z) ? "" : String.format(Locale.ROOT,
                    "lookback z-score over %d runs: z = %+.1f (threshold %.1f)", n, z, Z_THRESHOLD);
            return new RowComparison(row.key(), row.scenario(), row.benchmark(), row.model(), row.params(), row.metric(),
                    row.unit(), row.better(), null, row, null, mean > 0 ? row.value() / mean : Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, statistic, status,
                    status == Status.REGRESSED, row.guards(), "", why);
        }
    }

    /**
     * The judgement of one run.
     *
     * @param currentRunId the judged run
     * @param runsUsed     the earlier runs it was judged against, newest first
     * @param rows         one per row of the current run
     */
    public record Outcome(String currentRunId, List<String> runsUsed, List<RowVerdict> rows) {

        /** 1 when any row regressed, else 0. */
        public int exitCode() {
            return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED) ? 1 : 0;
        }

        /** The judgement as markdown: the test, the runs used, then the rows that changed or could not be judged. */
        public String markdown() {
            StringBuilder md = new StringBuilder("# concbench: ").append(currentRunId).append(" against its history\n\n");
            md.append(exitCode() == 0 ? "**PASS**" : "**REGRESSION**").append(": ").append(count(Verdict.REGRESSED))
                    .append(" regressed, ").append(count(Verdict.IMPROVED)).append(" improved, ")
                    .append(count(Verdict.UNCHANGED)).append(" unchanged, ").append(count(Verdict.TOO_LITTLE_HISTORY))
                    .append(" with too little history, ").append(count(Verdict.NOT_JUDGED)).append(" not judged.\n\n");
            md.append(String.format(Locale.ROOT, "Test: lookback z-score against the last %d comparable runs "
                    + "(same environment fingerprint and profile); a row regressed when z >= %.1f in its worse "
                    + "direction, with >= %d earlier runs. s = max(sample SD, median error / %.2f).%n%n",
                    runsUsed.size(), Z_THRESHOLD, MIN_RUNS, ERROR_TO_SD));
            md.append("Runs used (newest first): ").append(runsUsed.isEmpty() ? "none" : String.join(", ", runsUsed))
                    .append("\n\n| row | now | history mean | s | z | n | verdict |\n|---|---|---|---|---|---|---|\n");
            for (RowVerdict r : rows) {
                if (r.verdict() == Verdict.UNCHANGED) {
                    continue;
                }
                Measure now = Measure.of(r.row());
                md.append("| ").append(r.row().key().replace("|", " / ")).append(" | ").append(now.format())
                        .append(" | ").append(Measure.number(r.mean())).append(" | ").append(Measure.number(r.spread()))
                        .append(" | ").append(Double.isNaN(r.z()) ? "" : String.format(Locale.ROOT, "%+.1f", r.z()))
                        .append(" | ").append(r.n()).append(" | ").append(r.verdict().label())
                        .append(r.why().isEmpty() ? "" : " (" + r.why() + ")").append(" |\n");
            }
            return md.toString();
        }

        /** The judgement as {@code compare.json} holds it for the other compare modes (absolute values; the baseline is the runs used). */
        public Comparison comparison() {
            return new Comparison("history: " + String.join(", ", runsUsed), currentRunId, Mode.ABSOLUTE, null,
                    Double.NaN, List.of("judged against the history: lookback z-score, no single baseline run"),
                    rows.stream().map(RowVerdict::comparison).toList());
        }

        private long count(Verdict v) {
            return rows.stream().filter(r -> r.verdict() == v).count();
        }
    }

    private HistoryGate() {
    }

    /**
     * Judges every row of {@code current}.
     *
     * @param runsUsed the earlier runs' ids, newest first
     * @param history  the earlier runs' unguarded values by row key ({@link ResultRow#key()})
     */
    public static Outcome judge(RunSummary current, List<String> runsUsed, Map<String, List<Measure>> history) {
        List<RowVerdict> out = new ArrayList<>();
        for (ResultRow row : current.rows()) {
            out.add(judge(row, history.getOrDefault(row.key(), List.of())));
        }
        return new Outcome(current.runId(), List.copyOf(runsUsed), out);
    }

    static RowVerdict judge(ResultRow row, List<Measure> earlier) {
        int n = earlier.size();
        double mean = earlier.stream().mapToDouble(Measure::value).average().orElse(Double.NaN);
        if (!row.trusted()) {
            return new RowVerdict(row, n, mean, Double.NaN, Double.NaN, Verdict.NOT_JUDGED, "guarded");
        }
        if (row.better() == Direction.NEUTRAL) {
            return new RowVerdict(row, n, mean, Double.NaN, Double.NaN, Verdict.NOT_JUDGED, "neutral metric");
        }
        if (n < MIN_RUNS) {
            return new RowVerdict(row, n, mean, Double.NaN, Double.NaN, Verdict.TOO_LITTLE_HISTORY,
                    n + " earlier run" + (n == 1 ? "" : "s"));
        }
        double var = earlier.stream().mapToDouble(m -> (m.value() - mean) * (m.value() - mean)).sum() / (n - 1);
        double medianError = earlier.stream().mapToDouble(m -> Double.isFinite(m.error()) ? m.error() : 0).sorted().skip((n - 1) / 2).findFirst()
                .orElse(0);
        double spread = Math.max(Math.sqrt(var), medianError / ERROR_TO_SD);
        if (!(spread > 0)) {
            return new RowVerdict(row, n, mean, spread, Double.NaN, Verdict.NOT_JUDGED, "no spread and no error in the history");
        }
        double z = (row.value() - mean) / spread * (row.better() == Direction.LOWER_IS_BETTER ? 1 : -1);
        Verdict v = z >= Z_THRESHOLD ? Verdict.REGRESSED : z <= -Z_THRESHOLD ? Verdict.IMPROVED : Verdict.UNCHANGED;
        return new RowVerdict(row, n, mean, spread, z, v, "");
    }
}
