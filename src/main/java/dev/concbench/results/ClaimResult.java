package dev.concbench.results;

import java.util.List;
import java.util.Map;

/**
 * One row of {@code claims.json}: a claim of the seed, and what this run says about it.
 *
 * @param id       stable identifier, e.g. {@code table.context-switch} or {@code example.gather}
 * @param title    a short name, e.g. {@code Context switch}
 * @param claim    the claim as the seed states it (a short quote)
 * @param source   where in the seed it is stated, e.g. {@code "asyncio vs Threading" table}
 * @param verdict  the verdict
 * @param rule     the rule that decided it, in words, with its threshold
 * @param evidence the numbers that decided it, by name (values carry units in their names or text)
 * @param deciding the summary rows the rule decided on, as data, each with >= 3 samples and a finite
 *                 error; for {@code not measured}, those it read before it stopped (e.g. an
 *                 interval that straddled its threshold), empty when none could be read
 * @param explanation one or two sentences a reader can take away; for {@code not measured}, why
 * @param charts   file names of the charts (beside the report) that show the evidence
 */
public record ClaimResult(
        String id,
        String title,
        String claim,
        String source,
        Verdict verdict,
        String rule,
        Map<String, Object> evidence,
        List<DecidingRow> deciding,
        String explanation,
        List<String> charts) {

    public ClaimResult {
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    /** The verdicts a claim can get. */
    public enum Verdict {
        SUPPORTED("supported"),
        REFUTED("refuted"),
        DIFFERS_ON_THE_JVM("differs on the JVM"),
        NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }
    }
}
