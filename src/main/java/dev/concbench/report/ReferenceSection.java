package dev.concbench.report;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;
import static dev.concbench.vocab.ModelKind.NETTY;

import dev.concbench.results.Direction;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's "Our loop vs Netty" section: every row {@code netty} measured beside the
 * {@code eventloop} row of the same scenario, parameters and metric, their ratio (Netty's over
 * ours) with its propagated error, and in words whether the two loops differ beyond that error.
 * Netty's rows are reference rows: no claim reads them, so they change no verdict; this section is
 * where they speak.
 *
 * <p>Rows pair on every parameter but the ones that only name a model's own settings
 * ({@link #beside}): {@code cpu-bound}'s netty row at {@code workers=4} stands beside our row at
 * {@code workers=4}; {@code netty} with {@code offload=executor} stands beside {@code eventloop+offload}
 * whatever that one offloads to; in {@code context-switch} Netty's hand-off stands beside both of ours, the
 * one through futures and the one by Netty's own mechanism ({@link NettyMechanisms#OUR_MECHANISM}),
 * and the row of the first says it is not like for like. A pair differs when the ratio's interval excludes 1 (both rows unguarded, both with an error);
 * it is "alike" when a bounded interval holds 1; otherwise the row says why it cannot tell (a guarded
 * row, a row without an error, an interval unbounded because a row's error reaches 0), and the
 * summary counts each reason. Each row also says what each side measured ({@link NettyMechanisms}).
 */
final class ReferenceSection {

    /**
     * The section as the page shows it.
     *
     * @param rows    one per metric both loops measured
     * @param summary the differences in words, one sentence
     */
    record ReferenceView(List<PairRow> rows, String summary) {
    }

    /**
     * One metric of both loops.
     *
     * @param what     scenario, parameters and metric
     * @param measured what each side measured there ({@link NettyMechanisms}), or empty when the list has no note
     * @param ours     {@code eventloop}'s value with its error and unit
     * @param netty    {@code netty}'s value with its error and unit
     * @param ratio    netty / eventloop with its error, or a dash
     * @param verdict  in words: alike within the error, which loop is ahead and by how much, or why not compared
     * @param css      {@code differs} when the loops differ beyond the error, else {@code alike} or {@code unknown}
     * @param outcome  how the pair came out
     */
    record PairRow(String what, String measured, String ours, String netty, String ratio, String verdict, String css,
            Outcome outcome) {
    }

    /** How a pair came out: alike, differing, or why it could not be compared (with the summary's words for it). */
    enum Outcome {
        ALIKE("alike", null),
        DIFFERS("differs", null),
        GUARDED("unknown", "with a guarded row"),
        NO_RATIO("unknown", "where our value is not positive"),
        NO_ERROR("unknown", "where a row has no error"),
        TOO_NOISY("unknown", "too noisy to tell (the ratio's interval unbounded: a row's error reaches down to 0)");

        private final String css;
        private final String why;

        Outcome(String css, String why) {
            this.css = css;
            this.why = why;
        }
    }

    private ReferenceSection() {
    }

    /**
     * The parameters a scenario sweeps (or its benchmark method names): every key that some row of the
     * scenario carries although its model takes no setting of that name, e.g. {@code workers} in
     * {@code cpu-bound}, which {@code eventloop}'s rows carry. A key a model takes as its own setting
     * ({@code offload}, or {@code workers} as an executor's size) is the scenario's too only then.
     */
    static Set<String> swept(RunSummary summary, String scenario) {
        Set<String> keys = new TreeSet<>();
        for (ResultRow r : summary.rows(scenario)) {
            List<String> own = ModelKind.of(r.model()).map(ModelKind::params).orElse(List.of());
            r.params().keySet().stream().filter(k -> !own.contains(k)).forEach(keys::add);
        }
        return keys;
    }

    /**
     * The parameters two rows must share to stand side by side: all of a row's parameters but those
     * that only name its model's own settings (a key of {@link ModelKind#params()} the scenario does
     * not sweep, such as where and how widely the burn is offloaded), and which of our hand-offs it
     * measured ({@link NettyMechanisms#OUR_MECHANISM}).
     */
    static Map<String, String> beside(ResultRow row, Set<String> swept) {
        Map<String, String> rest = workload(row, swept);
        rest.remove(NettyMechanisms.OUR_MECHANISM);
        return rest;
    }

    /**
     * The parameters that name the workload a row measured: all of them but those that only name its
     * model's own settings (a key of {@link ModelKind#params()} the scenario does not sweep). Two rows of
     * different models with the same workload measured the same thing.
     */
    static Map<String, String> workload(ResultRow row, Set<String> swept) {
        List<String> own = ModelKind.of(row.model()).map(ModelKind::params).orElse(List.of());
        Map<String, String> rest = new TreeMap<>(row.params());
        rest.keySet().removeIf(k -> own.contains(k) && !swept.contains(k));
        return rest;
    }

    /** The section, or null when the run has no row of {@code netty} beside one of {@code eventloop}. */
    static ReferenceView of(RunSummary summary) {
        List<PairRow> rows = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        int alike = 0;
        Map<String, Set<String>> sweptBy = new HashMap<>();
        for (ResultRow n : summary.rows()) {
            if (!NETTY.is(n.model())) {
                continue;
            }
            Set<String> swept = sweptBy.computeIfAbsent(n.scenario(), s -> swept(summary, s));
            // netty with offload=executor stands beside eventloop+offload, whatever that one offloads to
            ModelKind counterpart = n.params().containsKey(ModelParams.OFFLOAD) ? EVENTLOOP_OFFLOAD : EVENTLOOP;
            Map<String, String> shared = beside(n, swept);
            List<ResultRow> ours = summary.rows(n.scenario()).stream().filter(r -> counterpart.is(r.model())
                    && r.metric().equals(n.metric()) && beside(r, swept).equals(shared)).toList();
            for (ResultRow o : ours) {
                PairRow row = pair(o, n, ours.size() > 1);
                rows.add(row);
                if (row.outcome() == Outcome.DIFFERS) {
                    differing.add(row.what() + " (" + row.verdict() + ")");
                } else if (row.outcome() == Outcome.ALIKE) {
                    alike++;
                }
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new ReferenceView(rows, summary(rows, alike, differing));
    }

    /**
     * E.g. {@code "7 of 38 metrics alike within their error; none differs beyond it; 31 could not be
     * compared: 25 too noisy to tell (...), 6 with a guarded row."}
     */
    private static String summary(List<PairRow> rows, int alike, List<String> differing) {
        Map<Outcome, Long> unknown = new java.util.EnumMap<>(Outcome.class);
        rows.stream().filter(r -> r.outcome().why != null).forEach(r -> unknown.merge(r.outcome(), 1L, Long::sum));
        long notCompared = unknown.values().stream().mapToLong(Long::longValue).sum();
        return alike + " of " + rows.size() + " metrics alike within their error; "
                + (differing.isEmpty() ? "none differs beyond it"
                        : differing.size() + " differ beyond it: " + String.join("; ", differing))
                + (notCompared == 0 ? "." : "; " + notCompared + " could not be compared: " + String.join(", ",
                        unknown.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().why).toList()) + ".");
    }

    /** Our row and Netty's, compared. */
    static PairRow pair(ResultRow ours, ResultRow netty) {
        return pair(ours, netty, false);
    }

    /**
     * Our row and Netty's, compared.
     *
     * @param oursParams whether to name our row's parameters (when several of our rows stand beside this one of Netty)
     */
    private static PairRow pair(ResultRow ours, ResultRow netty, boolean oursParams) {
        String against = ours.model() + (oursParams ? " " + ours.params() : "");
        String what = ours.scenario() + (netty.params().isEmpty() ? "" : " " + netty.params()) + ": " + ours.metric()
                + (EVENTLOOP.is(ours.model()) && !oursParams ? "" : " (against " + against + ")");
        Measure a = Measure.of(ours);
        Measure b = Measure.of(netty);
        Optional<Measure> ratio = Double.isFinite(a.value()) && Double.isFinite(b.value()) ? b.overIfDefined(a) : Optional.empty();
        String ratioText = ratio.map(Measure::format).orElse("-");
        String verdict;
        Outcome outcome;
        if (!ours.trusted() || !netty.trusted()) {
            verdict = "not compared: " + (ours.trusted() ? "netty's" : "our") + " row is guarded";
            outcome = Outcome.GUARDED;
        } else if (a.value() == b.value()) {
            verdict = "equal";
            outcome = Outcome.ALIKE;
        } else if (ratio.isEmpty()) {
            verdict = "no ratio: our value is not positive";
            outcome = Outcome.NO_RATIO;
        } else if (!a.errorKnown() || !b.errorKnown()) {
            verdict = "cannot tell: " + (a.errorKnown() ? "netty's" : "our") + " row has no error";
            outcome = Outcome.NO_ERROR;
        } else if (ratio.get().low() > 1 || ratio.get().high() < 1) {
            verdict = differs(ratio.get(), ours.better());
            outcome = Outcome.DIFFERS;
        } else if (!Double.isFinite(ratio.get().low()) || !Double.isFinite(ratio.get().high())) {
            verdict = "too noisy to tell (interval " + Measure.number(ratio.get().low()) + ".."
                    + Measure.number(ratio.get().high()) + ")";
            outcome = Outcome.TOO_NOISY;
        } else {
            verdict = "alike within the error";
            outcome = Outcome.ALIKE;
        }
        String measured = NettyMechanisms.of(ours).map(NettyMechanisms.Note::text).orElse("");
        return new PairRow(what, measured, ReportPage.row(ours).value(), ReportPage.row(netty).value(), ratioText,
                verdict, outcome.css, outcome);
    }

    /** Which loop is ahead and by how much; "at least" the interval's near end when its far end is unbounded. */
    private static String differs(Measure ratio, Direction better) {
        boolean nettyHigher = ratio.low() > 1;
        double factor = nettyHigher ? ratio.value() : 1 / ratio.value();
        String size = String.format(Locale.ROOT, "%.2fx", factor);
        if (nettyHigher && Double.isInfinite(ratio.high())) {
            size = String.format(Locale.ROOT, "at least %.2fx", ratio.low());
        }
        return switch (better) {
            case NEUTRAL -> "netty " + (nettyHigher ? "higher" : "lower") + " by " + size;
            case LOWER_IS_BETTER, HIGHER_IS_BETTER -> {
                boolean nettyBetter = nettyHigher == (better == Direction.HIGHER_IS_BETTER);
                yield (nettyBetter ? "netty ahead by " : "ours ahead by ") + size;
            }
        };
    }
}
