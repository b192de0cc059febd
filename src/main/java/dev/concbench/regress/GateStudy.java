package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tally of repeated A/B comparisons ({@code ab --trials N}): how often the gate failed, and
 * how often each row failed it. Run the same build on both sides for the false-alarm rate, a
 * slowed side B for the detection rate. Not thread-safe: one caller adds trials in order.
 */
public final class GateStudy {

    private final List<Comparison> trials = new ArrayList<>();

    /** Adds one trial's comparison. */
    public void add(Comparison c) {
        trials.add(c);
    }

    /** How many trials failed the gate. */
    public long failed() {
        return trials.stream().filter(c -> c.exitCode() == Comparison.REGRESSION).count();
    }

    /** Row label ({@code scenario model metric}) to the number of trials in which it failed the gate, first failure first. */
    public Map<String, Long> failuresByRow() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Comparison c : trials) {
            for (RowComparison r : c.gateFailures()) {
                out.merge(label(r), 1L, Long::sum);
            }
        }
        return out;
    }

    /** Each row's median minimum detectable effect over the trials, as a fraction; rows never compared are left out. */
    public Map<String, Double> medianDetectable() {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (Comparison c : trials) {
            for (RowComparison r : c.rows()) {
                if (!Double.isNaN(r.detectable())) {
                    all.computeIfAbsent(label(r), k -> new ArrayList<>()).add(r.detectable());
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k, v.stream().sorted().toList().get(v.size() / 2)));
        return out;
    }

    /** The tally as markdown: the headline rate, then every row's failures and median detectable effect. */
    public String markdown(String command) {
        StringBuilder md = new StringBuilder("## concbench gate study\n\n");
        md.append("`").append(command).append("`\n\n");
        md.append(String.format(Locale.ROOT, "%d of %d trials failed the gate (%.0f%%).%n%n", failed(), trials.size(),
                trials.isEmpty() ? 0.0 : 100.0 * failed() / trials.size()));
        md.append("| row | trials failing the gate | median detectable |\n| --- | --- | --- |\n");
        Map<String, Long> failures = failuresByRow();
        medianDetectable().forEach((row, mde) -> md.append("| ").append(row).append(" | ")
                .append(failures.getOrDefault(row, 0L)).append(" of ").append(trials.size()).append(" | ")
                .append(TableRows.detectable(mde)).append(" |\n"));
        return md.toString();
    }

    private static String label(RowComparison r) {
        return r.scenario() + " " + r.modelAndParams() + " " + r.metric();
    }
}
