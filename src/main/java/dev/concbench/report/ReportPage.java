package dev.concbench.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.concbench.claims.Claim;
import dev.concbench.results.Measure;
import dev.concbench.claims.SeedClaims;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report page's content as plain values, rendered through {@code index.mustache}. Mustache
 * escapes every {@code {{value}}}, so nothing here is HTML: text in, escaped text out.
 *
 * @param title       the page title
 * @param runId       the run's id
 * @param profile     the run's profile
 * @param complete    whether the run finished every scenario
 * @param missing     what did not finish, and why
 * @param counts      how many claims got each verdict
 * @param tableRows   the seed's table, one judged row per claim
 * @param examples    the examples' and tips' claims
 * @param figures     every chart written, in page order
 * @param guarded     rows voided by a guard
 * @param rows        every measured number
 * @param env         the environment, as label/value pairs
 * @param commands    the commands that made and remake this report
 * @param rawFiles    links to the raw results files
 * @param notes       problems met while reading the results (an unreadable histogram log)
 * @param comparison  baseline-vs-current highlights, or null
 * @param history     the History section (trends over earlier comparable runs), or null
 * @param cpython     how the table's CPython column is headed, e.g. {@code CPython 3.11 (GIL)}
 * @param reference   the "Our loop vs Netty" section, or null when the run has no netty row beside an eventloop one
 * @param coroutines  the "Coroutines vs callbacks" section, or null when the run has no coroutines row beside an eventloop one
 */
record ReportPage(String title, String runId, String profile, boolean complete, List<String> missing,
        List<Count> counts, List<ClaimView> tableRows, List<ClaimView> examples, List<Figure> figures,
        List<RowView> guarded, List<RowView> rows, List<Pair> env, List<String> commands, List<Link> rawFiles,
        List<String> notes, BaselineView comparison, HistorySection.HistoryView history, String cpython,
        ReferenceSection.ReferenceView reference, CoroutineSection.CoroutineView coroutines) {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/concbench/report")
            .compile("index.mustache");

    /** A label and a value. */
    record Pair(String label, String value) {
    }

    /** A link: text and a relative href. */
    record Link(String text, String href) {
    }

    /** How many claims got one verdict; {@code css} names the badge style. */
    record Count(String verdict, long count, String css) {
    }

    /** A chart a claim points to; {@code anchor} is null when the chart could not be drawn. */
    record ChartLink(String title, String anchor) {
    }

    /** One judged claim as the page shows it; {@code cpython} is its CPython column, null for an example. */
    record ClaimView(String id, String title, String asyncio, String threading, String quote, String source,
            String verdict, String css, List<String> deciding, String explanation, String rule, List<Pair> evidence,
            List<ChartLink> charts, RuntimeView cpython) {
    }

    /** A claim's verdict in one more runtime: badge, deciding numbers, explanation and every number read. */
    record RuntimeView(String verdict, String css, List<String> deciding, String explanation, List<Pair> evidence) {
    }

    /** One result row with its number, unit and error as text. */
    record RowView(String scenario, String model, String params, String metric, String value, long samples,
            String guards) {
    }

    /** The smoke profile proves the pipeline, not the claims: its intervals are wide. */
    boolean smoke() {
        return "smoke".equals(profile);
    }

    boolean hasNotes() {
        return !notes.isEmpty();
    }

    boolean hasGuarded() {
        return !guarded.isEmpty();
    }

    int rowCount() {
        return rows.size();
    }

    /** The page's HTML. */
    String render() {
        StringWriter html = new StringWriter();
        TEMPLATE.execute(html, this);
        return html.toString();
    }

    static String css(Verdict v) {
        return switch (v) {
            case SUPPORTED -> "supported";
            case REFUTED -> "refuted";
            case DIFFERS_ON_THE_JVM -> "differs";
            case NOT_MEASURED -> "not-measured";
        };
    }

    static List<Count> counts(List<ClaimResult> claims) {
        return Arrays.stream(Verdict.values())
                .map(v -> new Count(v.label(), claims.stream().filter(c -> c.verdict() == v).count(), css(v)))
                .toList();
    }

    /** The claim views, table rows ({@code table == true}) or examples, in the catalogue's order. */
    static List<ClaimView> claims(List<Claim.Assessment> assessments, List<Figure> figures, boolean table) {
        Map<String, Figure> byPng = figures.stream().collect(Collectors.toMap(Figure::png, f -> f));
        List<ClaimView> views = new ArrayList<>();
        for (Claim.Assessment a : assessments) {
            ClaimResult r = a.result();
            Claim claim = SeedClaims.byId(r.id()).orElse(null);
            boolean isTable = claim != null && claim.isTableRow();
            if (isTable != table) {
                continue;
            }
            List<Pair> evidence = pairs(r.evidence());
            RuntimeView cpython = r.cpython() == null ? null : new RuntimeView(r.cpython().verdict().label(),
                    css(r.cpython().verdict()), a.cpythonDeciding(), r.cpython().explanation(),
                    pairs(r.cpython().evidence()));
            List<ChartLink> charts = r.charts().stream().map(png -> {
                Figure f = byPng.get(png);
                return f == null ? new ChartLink(png + " (not drawn: no data)", null)
                        : new ChartLink(f.title(), f.anchor());
            }).toList();
            views.add(new ClaimView(r.id(), r.title(), isTable ? claim.sides().asyncio() : null,
                    isTable ? claim.sides().threading() : null, r.claim(), r.source(), r.verdict().label(),
                    css(r.verdict()), a.deciding(), r.explanation(), r.rule(), evidence, charts, cpython));
        }
        return views;
    }

    private static List<Pair> pairs(Map<String, Object> evidence) {
        return evidence.entrySet().stream().map(e -> new Pair(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    /** The CPython column's heading: the interpreter env.json recorded, or plain {@code CPython}. */
    static String cpythonLabel(EnvInfo e) {
        return e == null || e.python() == null ? "CPython" : e.python().label();
    }

    static RowView row(ResultRow r) {
        String params = r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String value = Double.isFinite(r.value()) ? new Measure(r.value(), r.error(), r.unit()).format() : "n/a";
        return new RowView(r.scenario(), r.model(), params, r.metric(), value, r.samples(),
                String.join("; ", r.guards()));
    }

    static List<Pair> env(EnvInfo e, RunSummary summary) {
        if (e == null) {
            return List.of(new Pair("env.json", "missing: this run did not record its environment"));
        }
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair("JDK", e.jdk()));
        pairs.add(new Pair("Java home", e.javaHome()));
        pairs.add(new Pair("JVM flags", e.jvmFlags() == null || e.jvmFlags().isEmpty() ? "(none)"
                : String.join(" ", e.jvmFlags())));
        pairs.add(new Pair("OS", e.os()));
        pairs.add(new Pair("Kernel", e.kernel()));
        pairs.add(new Pair("Architecture", e.arch()));
        pairs.add(new Pair("CPU", e.cpuModel()));
        pairs.add(new Pair("Cores", Integer.toString(e.cores())));
        pairs.add(new Pair("Memory", new Measure(e.memoryBytes(), Double.NaN, "bytes").format()));
        pairs.add(new Pair("ulimits", e.ulimits() == null ? "(not recorded)" : e.ulimits().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(u -> u.getKey() + "=" + u.getValue())
                .collect(Collectors.joining(", "))));
        pairs.add(new Pair("pid_max / threads-max", e.pidMax() + " / " + e.threadsMax()));
        pairs.add(new Pair("concbench commit", e.gitCommit()));
        pairs.add(new Pair("Profile", e.profile()));
        pairs.add(new Pair("Delay server network", e.network() == null ? "(not recorded: no delay server, or an older run)"
                : e.network().describe()));
        pairs.add(new Pair("Started", e.start()));
        pairs.add(new Pair("Ended", Objects.requireNonNullElse(e.end(), "(did not end: interrupted)")));
        if (e.python() != null) {
            pairs.add(new Pair("CPython", e.python().ran() ? e.python().label() + ", " + e.python().executable()
                    + (e.python().skipped().isEmpty() ? "" : "; skipped: " + String.join("; ", e.python().skipped()))
                    : "not measured: " + e.python().absent()));
        }
        pairs.add(new Pair("Rows", summary.rows().size() + " (" + summary.rows().stream()
                .filter(r -> !r.trusted()).count() + " guarded)"));
        return pairs;
    }
}
