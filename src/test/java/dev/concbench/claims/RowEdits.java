package dev.concbench.claims;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Fixture rows edited for a rule test: the complete fixture run with some rows' value, error or
 * guards changed, or rows dropped, then judged. An edit returns the row unchanged when it does not
 * match, and null to drop it.
 */
final class RowEdits {

    private RowEdits() {
    }

    static Map<String, ClaimResult> judge(RunData data) {
        return SeedClaims.judge(data).stream().collect(Collectors.toMap(ClaimResult::id, c -> c));
    }

    static Map<String, ClaimResult> judge(String fixture) {
        return judge(Fixtures.data(fixture));
    }

    /** The complete fixture with every row passed through {@code edits}, in order. */
    @SafeVarargs
    static Map<String, ClaimResult> judgeEdited(UnaryOperator<ResultRow>... edits) {
        return judge(edited(edits));
    }

    /** The complete fixture's run with every row passed through {@code edits}, in order. */
    @SafeVarargs
    static RunData edited(UnaryOperator<ResultRow>... edits) {
        RunData base = Fixtures.data(FixtureRuns.COMPLETE);
        RunSummary s = base.summary();
        List<ResultRow> rows = s.rows().stream().map(r -> {
            ResultRow out = r;
            for (UnaryOperator<ResultRow> e : edits) {
                out = out == null ? null : e.apply(out);
            }
            return out;
        }).filter(Objects::nonNull).toList();
        return new RunData(new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(), rows),
                base.env().orElseThrow());
    }

    /** Whether a row has this scenario, model, metric and (when not null) the {@code key=value} param. */
    static boolean matches(ResultRow r, String scenario, String model, String metric, String param) {
        return r.scenario().equals(scenario) && (model == null || r.model().equals(model))
                && (metric == null || r.metric().equals(metric))
                && (param == null || r.params().entrySet().stream()
                        .anyMatch(e -> param.equals(e.getKey() + "=" + e.getValue())));
    }

    /** Sets the value of the matching rows, scaling their error with it. */
    static UnaryOperator<ResultRow> set(String scenario, String model, String metric, String param, double value) {
        return r -> {
            if (!matches(r, scenario, model, metric, param)) {
                return r;
            }
            double error = r.value() == 0 ? r.error() : Math.abs(r.error() * value / r.value());
            return new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), value, r.unit(),
                    error, r.samples(), r.better(), r.guards());
        };
    }

    /** Gives the matching rows one fork per shot with these values: their mean, raw samples and a t error. */
    static UnaryOperator<ResultRow> shots(String scenario, String model, String metric, String param,
            double... values) {
        return r -> {
            if (!matches(r, scenario, model, metric, param)) {
                return r;
            }
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            java.util.List<java.util.List<Double>> perFork = java.util.Arrays.stream(values)
                    .mapToObj(v -> java.util.List.of(v)).toList();
            return new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), mean, r.unit(),
                    mean * 10 + 1, values.length, r.better(), r.guards(), perFork);
        };
    }

    /** Sets the error (NaN: none) and the samples of the matching rows. */
    static UnaryOperator<ResultRow> error(String scenario, String model, String metric, String param, double error,
            long samples) {
        return r -> matches(r, scenario, model, metric, param)
                ? new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.value(), r.unit(),
                        error, samples, r.better(), r.guards())
                : r;
    }

    /** Adds a guard to the matching rows. */
    static UnaryOperator<ResultRow> guard(String scenario, String model, String metric, String param, String guard) {
        return r -> matches(r, scenario, model, metric, param) ? r.withGuard(guard) : r;
    }

    /** Drops the matching rows. */
    static UnaryOperator<ResultRow> drop(String scenario, String model, String metric, String param) {
        return r -> matches(r, scenario, model, metric, param) ? null : r;
    }
}
