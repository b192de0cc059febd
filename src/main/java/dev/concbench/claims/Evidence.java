package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.DecidingRow;
import dev.concbench.results.ResultRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a rule looked at, in the order it looked, each with its unit and error. The
 * deciding ones and the context ones (other models) go in alike; the rule's text says which
 * decided. Rows that could not be read are recorded with the reason, so a reader sees every gap.
 *
 * <p>Not thread-safe: one rule fills one instance.
 */
public final class Evidence {

    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final java.util.List<String> deciding = new java.util.ArrayList<>();
    private final java.util.List<DecidingRow> rows = new java.util.ArrayList<>();

    /** Records {@code m} under {@code name} and returns it. */
    public Measure put(String name, Measure m) {
        entries.put(name, m.format());
        return m;
    }

    /**
     * Records a number that decides the verdict, with the threshold it is held to; it is listed
     * among the evidence and again in {@link #deciding()}.
     *
     * @param needs the threshold in words, e.g. {@code ">= 2 x"}
     */
    public Measure decisive(String name, Measure m, String needs) {
        put(name, m);
        deciding.add(name + " = " + m.format() + " (needs " + needs + ")");
        return m;
    }

    /**
     * {@code top / bottom}, recorded as a deciding number under {@code name}.
     *
     * @throws NotMeasured when {@code bottom} is not positive, naming the ratio
     */
    public Measure decisiveRatio(String name, Measure top, Measure bottom, String needs) throws NotMeasured {
        return decisive(name, ratio(top, bottom, name), needs);
    }

    /**
     * {@code top / bottom} ({@link Measure#over}), when both are positive: every ratio a claim
     * divides is of two costs (times, bytes, rates), and a cost at or below 0 is noise, not a cost.
     *
     * @param what the ratio's name, e.g. {@code "thread RSS / loop RSS per unit"}
     * @throws NotMeasured when either side is not positive, naming the ratio
     */
    public static Measure ratio(Measure top, Measure bottom, String what) throws NotMeasured {
        if (!(top.value() > 0)) {
            throw new NotMeasured(what + " is undefined: its numerator is " + top.format()
                    + ", not a positive number (a noisy measurement, not a cost)");
        }
        return top.overIfDefined(bottom).orElseThrow(() -> new NotMeasured(what + " is undefined: its denominator is "
                + bottom.format() + ", not a positive number (a noisy measurement, not a cost)"));
    }

    /** Records a deciding fact that is not a ratio (a count, a break point). */
    public void decisiveNote(String text) {
        deciding.add(text);
    }

    /** The deciding numbers, in the order the rule used them. */
    public java.util.List<String> deciding() {
        return java.util.List.copyOf(deciding);
    }

    /** Records a plain fact (a count, a name, a sentence). */
    public void note(String name, String text) {
        entries.put(name, text);
    }

    /**
     * Reads the row {@code q} names as a deciding row ({@link RunData#decidingRow}: unguarded, with
     * an error bar and >= 3 samples), records it under {@code name} and in {@link #rows()}, returns it.
     *
     * @throws NotMeasured when the row cannot decide, recording why under {@code name}
     */
    public Measure decide(String name, RunData data, Query q) throws NotMeasured {
        return decide(name, data, q, Set.of());
    }

    /** {@link #decide(String, RunData, Query)}, tolerating the guard keys in {@code tolerated}. */
    public Measure decide(String name, RunData data, Query q, Set<String> tolerated) throws NotMeasured {
        try {
            ResultRow row = data.decidingRow(q, tolerated);
            rows.add(DecidingRow.of(row));
            return put(name, new Measure(row.value(), row.error(), row.unit()));
        } catch (NotMeasured e) {
            entries.put(name, "not measured: " + e.getMessage());
            throw e;
        }
    }

    /** Lists a row a rule decided on by itself (already checked with {@link RunData#decidingRow}). */
    void deciding(ResultRow row) {
        rows.add(DecidingRow.of(row));
    }

    /** The summary rows read by {@link #decide}, in order: {@code claims.json}'s {@code deciding}. */
    public java.util.List<DecidingRow> rows() {
        return java.util.List.copyOf(rows);
    }

    /** Records {@code q} for context when it can be read, or why it cannot; never throws. */
    public void context(String name, RunData data, Query q) {
        try {
            put(name, data.require(q));
        } catch (NotMeasured e) {
            entries.put(name, "not measured: " + e.getMessage());
        }
    }

    /** What was recorded, in order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
