package dev.concbench.claims;

import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
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
 * @param rule   how this run decides it
 */
public record Claim(String id, String title, String source, String quote, Sides sides, List<String> charts,
        Rule rule) {

    /** The two cells of one row of the seed's table, verbatim. */
    public record Sides(String asyncio, String threading) {
    }

    public Claim {
        charts = List.copyOf(charts);
    }

    /** A row of the seed's table; the quote is both cells. */
    static Claim tableRow(String id, String title, String asyncio, String threading, List<String> charts,
            Rule rule) {
        return new Claim(id, title, SeedClaims.TABLE_SOURCE, "asyncio: " + asyncio + "; threading: " + threading,
                new Sides(asyncio, threading), charts, rule);
    }

    /** Whether this claim is a row of the seed's table (rather than an example or tip). */
    public boolean isTableRow() {
        return sides != null;
    }

    /**
     * A judged claim: the result {@code claims.json} stores, plus the numbers that decided it, each
     * with the threshold it was held to (empty when not measured before any was computed).
     */
    public record Assessment(ClaimResult result, List<String> deciding) {
        public Assessment {
            deciding = List.copyOf(deciding);
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
        try {
            Judgement j = rule.judge(data, evidence);
            return new Assessment(result(j.verdict(), evidence, j.explanation()), evidence.deciding());
        } catch (NotMeasured e) {
            return new Assessment(result(Verdict.NOT_MEASURED, evidence, e.getMessage()), evidence.deciding());
        }
    }

    private ClaimResult result(Verdict verdict, Evidence evidence, String explanation) {
        return new ClaimResult(id, title, quote, source, verdict, rule.describe(), evidence.asMap(), evidence.rows(),
                explanation, charts);
    }
}
