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
 * @param cpython  the same claim judged from the run's CPython rows alone, by the same rule; null for a
 *                 claim judged on the JVM only (the examples) and in files from before the CPython side.
 *                 Written flat beside {@code verdict}: {@code cpythonVerdict}, {@code cpythonExplanation},
 *                 {@code cpythonEvidence}, {@code cpythonDeciding}
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
        List<String> charts,
        @com.fasterxml.jackson.annotation.JsonIgnore
        RuntimeVerdict cpython) {

    public ClaimResult {
        deciding = deciding == null ? List.of() : List.copyOf(deciding);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    /** A claim judged on the JVM only. */
    public ClaimResult(String id, String title, String claim, String source, Verdict verdict, String rule,
            Map<String, Object> evidence, List<DecidingRow> deciding, String explanation, List<String> charts) {
        this(id, title, claim, source, verdict, rule, evidence, deciding, explanation, charts, null);
    }

    /** Reads {@code claims.json}, with or without the CPython fields. */
    @com.fasterxml.jackson.annotation.JsonCreator
    static ClaimResult read(@com.fasterxml.jackson.annotation.JsonProperty("id") String id,
            @com.fasterxml.jackson.annotation.JsonProperty("title") String title,
            @com.fasterxml.jackson.annotation.JsonProperty("claim") String claim,
            @com.fasterxml.jackson.annotation.JsonProperty("source") String source,
            @com.fasterxml.jackson.annotation.JsonProperty("verdict") Verdict verdict,
            @com.fasterxml.jackson.annotation.JsonProperty("rule") String rule,
            @com.fasterxml.jackson.annotation.JsonProperty("evidence") Map<String, Object> evidence,
            @com.fasterxml.jackson.annotation.JsonProperty("deciding") List<DecidingRow> deciding,
            @com.fasterxml.jackson.annotation.JsonProperty("explanation") String explanation,
            @com.fasterxml.jackson.annotation.JsonProperty("charts") List<String> charts,
            @com.fasterxml.jackson.annotation.JsonProperty("cpythonVerdict") Verdict cpythonVerdict,
            @com.fasterxml.jackson.annotation.JsonProperty("cpythonExplanation") String cpythonExplanation,
            @com.fasterxml.jackson.annotation.JsonProperty("cpythonEvidence") Map<String, Object> cpythonEvidence,
            @com.fasterxml.jackson.annotation.JsonProperty("cpythonDeciding") List<DecidingRow> cpythonDeciding) {
        return new ClaimResult(id, title, claim, source, verdict, rule, evidence, deciding, explanation, charts,
                cpythonVerdict == null ? null
                        : new RuntimeVerdict(cpythonVerdict, cpythonExplanation, cpythonEvidence, cpythonDeciding));
    }

    /** {@code cpythonVerdict}, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty("cpythonVerdict")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public Verdict cpythonVerdict() {
        return cpython == null ? null : cpython.verdict();
    }

    /** {@code cpythonExplanation}, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty("cpythonExplanation")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public String cpythonExplanation() {
        return cpython == null ? null : cpython.explanation();
    }

    /** {@code cpythonEvidence}, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty("cpythonEvidence")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public Map<String, Object> cpythonEvidence() {
        return cpython == null ? null : cpython.evidence();
    }

    /** {@code cpythonDeciding}, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty("cpythonDeciding")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public List<DecidingRow> cpythonDeciding() {
        return cpython == null ? null : cpython.deciding();
    }

    /**
     * A claim's verdict in one more runtime, judged from that runtime's rows alone.
     *
     * @param verdict     the verdict
     * @param explanation why, in a sentence or two
     * @param evidence    the numbers read, by name
     * @param deciding    the rows that decided it (>= 3 samples, a finite error each)
     */
    public record RuntimeVerdict(Verdict verdict, String explanation, Map<String, Object> evidence,
            List<DecidingRow> deciding) {
        public RuntimeVerdict {
            evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(evidence));
            deciding = deciding == null ? List.of() : List.copyOf(deciding);
        }
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
