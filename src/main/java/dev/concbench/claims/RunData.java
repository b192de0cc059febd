package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's results as the claims read them: the rows of {@code summary.json} and, when the run
 * wrote it, {@code env.json}. Finds the row a {@link Query} names and refuses, with a reason, to
 * hand out a number that is missing, guarded or not finite.
 *
 * <p>Immutable; any thread may call it.
 */
public final class RunData {

    /** The fewest samples behind a row that decides a verdict. */
    public static final int MIN_SAMPLES = 3;

    private final RunSummary summary;
    private final EnvInfo env;

    /**
     * @param summary the run's {@code summary.json}
     * @param env     the run's {@code env.json}, or null when the run did not write one
     */
    public RunData(RunSummary summary, EnvInfo env) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.env = env;
    }

    public RunSummary summary() {
        return summary;
    }

    public Optional<EnvInfo> env() {
        return Optional.ofNullable(env);
    }

    /**
     * The rows of the models {@code cast} compares alone ({@link Cast#compared()}), the only rows a
     * rule cast on it reads. So one runtime's guards never void the other's rows, a reference model's
     * ({@code netty}, {@code coroutines}: in no cast) never void a compared model's, and each runtime's
     * verdict reads only its own numbers.
     */
    public RunData compared(Cast cast) {
        List<String> models = cast.compared();
        List<ResultRow> rows = summary.rows().stream().filter(r -> models.contains(r.model())).toList();
        return new RunData(new RunSummary(summary.format(), summary.runId(), summary.profile(), summary.complete(),
                summary.missing(), rows), env);
    }

    /** Whether the run has any row of {@code runtime}'s models. */
    public boolean hasRows(dev.concbench.vocab.RuntimeKind runtime) {
        return summary.rows().stream().anyMatch(r -> dev.concbench.vocab.ModelKind.runtimeOf(r.model()) == runtime);
    }

    /**
     * The trusted value of the row {@code q} names.
     *
     * <p>A row matches when scenario, model and metric are equal and its parameters include every
     * parameter of the query. When several match, the one with the fewest parameters decides (the
     * model's default configuration, e.g. {@code virtual} without {@code carriers}); a tie is
     * ambiguous and not measured.
     *
     * @throws NotMeasured when no row matches, the match is ambiguous, the row is guarded, or its
     *                     value is not a finite number
     */
    public Measure require(Query q) throws NotMeasured {
        ResultRow row = row(q);
        if (!row.trusted()) {
            throw new NotMeasured(q.describe() + " is guarded (" + String.join("; ", row.guards())
                    + "), and a guarded row never decides a verdict");
        }
        if (!Double.isFinite(row.value())) {
            throw new NotMeasured(q.describe() + " has no finite value");
        }
        return new Measure(row.value(), row.error(), row.unit());
    }

    /**
     * The row {@code q} names, fit to decide a verdict: no guard of its own (but those in
     * {@code tolerated}, stall guards a rule reads as evidence), no condition guard on the same row
     * of another model of this data (see {@link Guards}; a rule is handed {@link #compared} data, so
     * these are the other models its claim compares), a finite value, a finite error and at least
     * {@value #MIN_SAMPLES} samples.
     *
     * @param tolerated guard keys that do not void the row, e.g. {@link Guards#LOOP_BLOCKED} where the
     *                  claim says the loop stalls
     * @throws NotMeasured naming what is missing: the row, its error bar, its samples, or the guard
     */
    public ResultRow decidingRow(Query q, java.util.Set<String> tolerated) throws NotMeasured {
        ResultRow row = row(q);
        List<String> voiding = row.guards().stream().filter(g -> !tolerated.contains(Guards.key(g))).toList();
        if (!voiding.isEmpty()) {
            throw new NotMeasured(q.describe() + " is guarded (" + String.join("; ", voiding)
                    + "), and a guarded row never decides a verdict");
        }
        for (String model : models(q.scenario())) {
            if (model.equals(q.model())) {
                continue;
            }
            Optional<ResultRow> sibling = optionalRow(q.withModel(model));
            Optional<String> condition = sibling.stream().flatMap(r -> r.guards().stream())
                    .filter(Guards::voidsEveryModel).findFirst();
            if (condition.isPresent()) {
                throw new NotMeasured(q.describe() + " is void: the same row of " + model + " is guarded ("
                        + condition.get() + "), and what voids one compared model's row voids every compared model's");
            }
        }
        if (!Double.isFinite(row.value())) {
            throw new NotMeasured(q.describe() + " has no finite value");
        }
        if (!Double.isFinite(row.error()) || row.error() < 0) {
            throw new NotMeasured(q.describe() + " has no error bar (" + row.samples() + " sample(s)): a row"
                    + " decides a verdict only with at least " + MIN_SAMPLES + " samples and a finite error");
        }
        if (row.samples() < MIN_SAMPLES) {
            throw new NotMeasured(q.describe() + " has " + row.samples() + " sample(s): a row decides a verdict"
                    + " only with at least " + MIN_SAMPLES + " samples and a finite error");
        }
        return row;
    }

    /** The models that have rows in {@code scenario}, in the order they appear. */
    public List<String> models(String scenario) {
        return summary.rows(scenario).stream().map(ResultRow::model).distinct().toList();
    }

    private Optional<ResultRow> optionalRow(Query q) {
        try {
            return Optional.of(row(q));
        } catch (NotMeasured e) {
            return Optional.empty();
        }
    }

    /** {@link #require} without the exception: empty when missing or guarded. */
    public Optional<Measure> find(Query q) {
        try {
            return Optional.of(require(q));
        } catch (NotMeasured e) {
            return Optional.empty();
        }
    }

    /** Whether some row (trusted or not) matches {@code q}. */
    public boolean has(Query q) {
        return !matches(q).isEmpty();
    }

    /** The single row {@code q} names, guarded or not. */
    public ResultRow row(Query q) throws NotMeasured {
        List<ResultRow> rows = matches(q);
        if (rows.isEmpty()) {
            throw new NotMeasured(absenceReason(q));
        }
        int fewest = rows.getFirst().params().size();
        List<ResultRow> best = rows.stream().filter(r -> r.params().size() == fewest).toList();
        if (best.size() > 1) {
            throw new NotMeasured(q.describe() + " is ambiguous: " + best.size() + " rows match ("
                    + best.stream().map(r -> r.params().toString()).toList() + ")");
        }
        return best.getFirst();
    }

    /**
     * The values a parameter takes in a scenario, numerically sorted when they are numbers.
     *
     * @param scenario e.g. {@code scalability}
     * @param param    e.g. {@code tasks}
     */
    public List<String> values(String scenario, String param) {
        return summary.rows(scenario).stream()
                .map(r -> r.params().get(param))
                .filter(Objects::nonNull)
                .distinct()
                .sorted(NUMERIC_FIRST)
                .toList();
    }

    /**
     * {@link #values}, or why there are none: the scenario did not finish (quoting the run's
     * {@code missing} list) or is not in this run.
     */
    public List<String> requireValues(String scenario, String param) throws NotMeasured {
        List<String> values = values(scenario, param);
        if (values.isEmpty()) {
            throw new NotMeasured(absenceReason(Query.of(scenario, "any", param)));
        }
        return values;
    }

    /** The available processors the run saw (from {@code env.json}). */
    public int cores() throws NotMeasured {
        if (env == null || env.cores() <= 0) {
            throw new NotMeasured("env.json is missing or has no core count");
        }
        return env.cores();
    }

    private List<ResultRow> matches(Query q) {
        return summary.rows(q.scenario()).stream()
                .filter(r -> r.model().equals(q.model()) && r.metric().equals(q.metric()))
                .filter(r -> includes(r.params(), q.params()))
                .sorted(Comparator.comparingInt(r -> r.params().size()))
                .toList();
    }

    private static boolean includes(Map<String, String> have, Map<String, String> want) {
        return want.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }

    /**
     * Why {@code q} has no row: the run's own {@code missing} entry for that scenario and model
     * when there is one (e.g. "preemption/eventloop: ... does not implement this model"), else
     * for the scenario, else that the run simply has no such row.
     */
    String absenceReason(Query q) {
        String prefix = q.scenario() + "/" + q.model();
        Optional<String> missing = summary.missing().stream()
                .filter(m -> m.startsWith(prefix + ":") || m.startsWith(prefix + "["))
                .findFirst()
                .or(() -> summary.missing().stream()
                        .filter(m -> m.startsWith(q.scenario() + ":") || m.startsWith(q.scenario() + " ")).findFirst());
        if (missing.isPresent()) {
            return "no row for " + q.describe() + " (the run lists it as missing: " + missing.get() + ")";
        }
        if (summary.rows(q.scenario()).isEmpty()) {
            return "scenario '" + q.scenario() + "' is not in this run"
                    + (summary.complete() ? "" : " (the run is incomplete)");
        }
        return "no row for " + q.describe() + " in this run";
    }

    /** Numbers in numeric order, before any non-number in text order. */
    static final Comparator<String> NUMERIC_FIRST = Comparator
            .comparing((String s) -> !isNumber(s))
            .thenComparingDouble(s -> isNumber(s) ? Double.parseDouble(s) : 0)
            .thenComparing(Comparator.naturalOrder());

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
