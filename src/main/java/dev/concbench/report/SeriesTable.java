package dev.concbench.report;

import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import dev.concbench.vocab.ModelKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rows of one (scenario, metric) laid out for a chart: one series per model (and per extra
 * parameter that tells two configurations of a model apart), x from a numeric parameter. Guarded
 * rows form their own series, labelled {@value #GUARDED}, which {@link Lines} draws apart (dotted,
 * crosses): shown, as a guarded number must be, never mistaken for a trusted one.
 *
 * @param series  label to points, in model order then label order
 * @param guarded how many matching rows are guarded
 * @param unit    the unit of the values (of the first row), or empty when there are none
 */
record SeriesTable(Map<String, List<Point>> series, int guarded, String unit) {

    /** One point; {@code error} is {@code NaN} when the row has none. */
    record Point(double x, double y, double error) {
    }

    /** The suffix of a series of guarded rows. */
    static final String GUARDED = " [guarded]";

    boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * @param summary the run
     * @param scenario which scenario
     * @param metric   which metric
     * @param xParam   the numeric parameter on the x axis, or null for one point per series at x = 0
     * @param ignored  parameters that do not tell series apart (e.g. {@code poolSize})
     * @param filter   which rows to take at all (e.g. {@code work=sleep})
     */
    static SeriesTable of(RunSummary summary, String scenario, String metric, String xParam, Set<String> ignored,
            Predicate<ResultRow> filter) {
        List<ResultRow> rows = summary.rows(scenario).stream()
                .filter(r -> r.metric().equals(metric) && filter.test(r))
                .filter(r -> xParam == null || isNumber(r.params().get(xParam)))
                .filter(r -> Double.isFinite(r.value()))
                .toList();
        // a parameter every row has with one value (a run length, a burn size) tells no series apart
        Set<String> constant = rows.stream().flatMap(r -> r.params().keySet().stream()).distinct()
                .filter(k -> rows.stream().allMatch(r -> r.params().containsKey(k))
                        && rows.stream().map(r -> r.params().get(k)).distinct().count() == 1)
                .collect(Collectors.toSet());
        Set<String> skip = new java.util.HashSet<>(ignored);
        skip.addAll(constant);
        Map<String, List<Point>> series = new LinkedHashMap<>();
        rows.stream()
                .sorted(Comparator.comparingInt((ResultRow r) -> modelRank(r.model()))
                        .thenComparing(r -> label(r, xParam, skip)))
                .forEach(r -> series.computeIfAbsent(label(r, xParam, skip) + (r.trusted() ? "" : GUARDED),
                                k -> new ArrayList<>())
                        .add(new Point(xParam == null ? 0 : Double.parseDouble(r.params().get(xParam)), r.value(),
                                r.error())));
        series.values().forEach(points -> points.sort(Comparator.comparingDouble(Point::x)));
        int guarded = (int) rows.stream().filter(r -> !r.trusted()).count();
        String unit = rows.isEmpty() ? "" : rows.getFirst().unit();
        return new SeriesTable(series, guarded, unit);
    }

    /** The model a series label starts with. */
    static String model(String label) {
        int space = label.indexOf(' ');
        return space < 0 ? label : label.substring(0, space);
    }

    private static String label(ResultRow r, String xParam, Set<String> ignored) {
        String extra = r.params().entrySet().stream()
                .filter(e -> !e.getKey().equals(xParam) && !ignored.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return extra.isEmpty() ? r.model() : r.model() + " (" + extra + ")";
    }

    private static int modelRank(String model) {
        return ModelKind.displayRank(model);
    }

    private static boolean isNumber(String s) {
        if (s == null) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A sentence for a caption when guarded rows are drawn, else empty. */
    String guardedNote() {
        return guarded == 0 ? "" : " " + guarded + " guarded row(s) are drawn dotted with crosses: shown, never"
                + " deciding a verdict; see \"Guarded rows\" for why.";
    }

    static Set<String> none() {
        return Set.of();
    }
}
