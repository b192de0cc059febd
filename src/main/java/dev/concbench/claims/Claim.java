package dev.concbench.claims;

import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.vocab.RuntimeKind;
import java.util.List;

/**
 * One claim of the seed: what it says, where it says it, and the rule that judges it.
 *
 * @param id     stable identifier, {@code table.<row>} or {@code example.<name>}
 * @param title  a short name, e.g. {@code Context switch}
 * @param source where in the seed the claim is stated
 * @param quote  the claim as the seed states it
 * @param sides  for a table row, the seed's asyncio and threading cells; null for an example
 * @param charts file names of the report's charts that show the evidence (e.g. {@code memory-per-unit.png})
 * @param rule   how this run decides it from the JVM's rows
 * @param cpython the same rule cast on CPython's models ({@link Cast#CPYTHON}), judged from CPython's rows
 *                alone; null for a claim judged on the JVM only (the examples)
 */
public record Claim(String id, String title, String source, String quote, Sides sides, List<String> charts,
        Rule rule, Rule cpython) {

    /** The two cells of one row of the seed's table, verbatim. */
    public record Sides(String asyncio, String threading) {
    }

    public Claim {
        charts = List.copyOf(charts);
    }

    /** A row of the seed's table; the quote is both cells; judged on the JVM and on CPython. */
    static Claim tableRow(String id, String title, String asyncio, String threading, List<String> charts,
            java.util.function.Function<Cast, Rule> rule) {
        return new Claim(id, title, SeedClaims.TABLE_SOURCE, "asyncio: " + asyncio + "; threading: " + threading,
                new Sides(asyncio, threading), charts, rule.apply(Cast.JVM), rule.apply(Cast.CPYTHON));
    }

    /** Whether this claim is a row of the seed's table (rather than an example or tip). */
    public boolean isTableRow() {
        return sides != null;
    }

    /**
     * A judged claim: the result {@code claims.json} stores, plus the numbers that decided it, each
     * with the threshold it was held to (empty when not measured before any was computed).
     */
    public record Assessment(ClaimResult result, List<String> deciding, List<String> cpythonDeciding) {
        public Assessment {
            deciding = List.copyOf(deciding);
            cpythonDeciding = List.copyOf(cpythonDeciding);
        }
    }

    /**
     * Judges this claim against one run. Never throws for missing data: that is a
     * {@code not measured} result whose explanation says why.
     */
    public ClaimResult judge(RunData data) {
        return assess(data).result();
    }

    /** {@link #judge}, keeping the deciding numbers apart for display. */
    public Assessment assess(RunData data) {
        Evidence evidence = new Evidence();
        Outcome j = judge(rule, data.compared(Cast.JVM), evidence);
        if (cpython == null) {
            return new Assessment(result(j, evidence, null), evidence.deciding(), List.of());
        }
        Evidence py = new Evidence();
        Outcome c = data.hasRows(RuntimeKind.CPYTHON) ? judge(cpython, data.compared(Cast.CPYTHON), py)
                : new Outcome(Verdict.NOT_MEASURED, "this run has no CPython rows" + data.env()
                        .map(e -> e.python()).filter(p -> p != null && !p.ran()).map(p -> " (" + p.absent() + ")")
                        .orElse(""));
        return new Assessment(result(j, evidence, new ClaimResult.RuntimeVerdict(c.verdict(), c.explanation(),
                py.asMap(), py.rows())), evidence.deciding(), py.deciding());
    }

    /** A verdict with its explanation: a rule's {@link Judgement}, or {@code not measured} and why. */
    private record Outcome(Verdict verdict, String explanation) {
    }

    /** The rule's judgement, or {@code not measured} with its reason. */
    private static Outcome judge(Rule rule, RunData data, Evidence evidence) {
        try {
            Judgement j = rule.judge(data, evidence);
            return new Outcome(j.verdict(), j.explanation());
        } catch (NotMeasured e) {
            return new Outcome(Verdict.NOT_MEASURED, e.getMessage());
        }
    }

    private ClaimResult result(Outcome j, Evidence evidence, ClaimResult.RuntimeVerdict cpythonVerdict) {
        return new ClaimResult(id, title, quote, source, j.verdict(), rule.describe(), evidence.asMap(),
                evidence.rows(), j.explanation(), charts, cpythonVerdict);
    }
}
