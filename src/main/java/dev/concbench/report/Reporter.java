package dev.concbench.report;

import dev.concbench.claims.ChartNames;
import dev.concbench.claims.Claim;
import dev.concbench.claims.RunData;
import dev.concbench.history.HistoryTrends;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.Comparison;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import dev.concbench.results.RunSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Draws a run's report: every chart as PNG and SVG and {@code index.html} beside them, showing the
 * verdicts it is given (the claims stage judges; the report only displays). The page works offline
 * when opened from disk.
 *
 * <p>The {@code run} command calls {@link #write} at the end of every run with {@link #defaultOutDir};
 * {@code report} calls it on demand. One call at a time per output directory; any thread.
 *
 * <pre>{@code
 * Path index = Reporter.write(new ReportInput(results, data, verdicts, claimsFile),
 *         Reporter.defaultOutDir(results.path()), null);
 * }</pre>
 */
public final class Reporter {

    /** The page's file name inside the output directory. */
    public static final String INDEX = "index.html";

    private Reporter() {
    }

    /**
     * {@code reports/<run-id>/}: beside {@code results/} when the results directory sits in a
     * directory named {@code results}, else under {@code reports/} in the working directory.
     */
    public static Path defaultOutDir(Path resultsDir) {
        Path abs = resultsDir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String runId = abs.getFileName().toString();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("results")
                && parent.getParent() != null) {
            return parent.getParent().resolve("reports").resolve(runId);
        }
        return Path.of("reports", runId);
    }

    /**
     * Writes the report of {@code in} into {@code outDir}, with baseline-vs-current highlights from
     * {@code comparison} (the gate's, in memory), or, when it is null, from the comparison {@code
     * compare} wrote beside the results ({@link ResultsDir#readComparison()}), if any. Writes nothing
     * into the results directory.
     *
     * @return the written {@code index.html}
     */
    public static Path write(ReportInput in, Path outDir, Comparison comparison)
            throws ResultsFormatException, IOException {
        return write(in, outDir, comparison, null);
    }

    /**
     * Writes the report as {@link #write(ReportInput, Path, Comparison)} does, with a History section
     * from {@code history} (the earlier comparable runs), when it is not null and holds any of this
     * run's gated rows.
     *
     * @return the written {@code index.html}
     */
    public static Path write(ReportInput in, Path outDir, Comparison comparison, HistoryTrends history)
            throws ResultsFormatException, IOException {
        ResultsDir dir = in.results();
        if (comparison == null) {
            comparison = dir.readComparison().orElse(null);
        }
        RunData data = in.data();
        RunSummary summary = data.summary();
        EnvInfo env = data.env().orElse(null);
        List<Claim.Assessment> assessments = in.verdicts().assessments();
        List<ClaimResult> claims = in.verdicts().results();

        List<String> notes = new ArrayList<>();
        List<LatencyLog> logs = LatencyLog.readAll(dir.path().resolve(ResultsDir.HISTOGRAMS), notes);
        Files.createDirectories(outDir);
        List<Figure> figures = charts(data, logs, new ChartWriter(outDir));

        List<ResultRow> rows = summary.rows();
        ReportPage page = new ReportPage("concbench: asyncio vs threading, judged on the JVM and on CPython", summary.runId(),
                summary.profile(), summary.complete(), summary.missing(), ReportPage.counts(claims),
                ReportPage.claims(assessments, figures, true), ReportPage.claims(assessments, figures, false), figures,
                rows.stream().filter(r -> !r.trusted()).map(ReportPage::row).toList(),
                rows.stream().map(ReportPage::row).toList(), ReportPage.env(env, summary),
                commands(env, dir.path(), outDir), rawFiles(dir, in.claimsFile(), outDir), notes,
                BaselineView.of(comparison), HistorySection.draw(history, summary, new ChartWriter(outDir)),
                ReportPage.cpythonLabel(env), ReferenceSection.of(summary), CoroutineSection.of(summary));
        Path index = outDir.resolve(INDEX);
        ResultsDir.writeAtomically(index, page.render().getBytes(StandardCharsets.UTF_8));
        readableByAll(index);
        return index;
    }

    /** The atomic write leaves a private temp file's mode; a report is meant to be shared like its charts. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static List<Figure> charts(RunData data, List<LatencyLog> logs, ChartWriter out) throws IOException {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(CostCharts.all(data, out));
        ScalingCharts.memory(data, out).ifPresent(figures::add);
        SpeedupChart.draw(data, out).ifPresent(figures::add);
        ScalingCharts.ioLoad(data, out).ifPresent(figures::add);
        figures.addAll(ScalingCharts.scalability(data, out));
        LatencyCharts.heartbeat(logs, "cpu-hog", out).ifPresent(figures::add);
        LatencyCharts.heartbeat(logs, "blocking-sleep", out).ifPresent(figures::add);
        figures.addAll(LatencyCharts.spectra(logs, out));
        // claims point to charts by these names; keep the page order stable around them
        figures.sort(java.util.Comparator.comparingInt(f -> order(f.name())));
        return figures;
    }

    private static final List<String> ORDER = List.of(ChartNames.HEARTBEAT_CPU_HOG, ChartNames.HEARTBEAT_BLOCKING,
            ChartNames.IO_LOAD, ChartNames.CPU_SPEEDUP, ChartNames.CONTEXT_SWITCH, ChartNames.SPAWN,
            ChartNames.MEMORY, ChartNames.DETERMINISM, ChartNames.SCALABILITY_P99, ChartNames.SCALABILITY_THROUGHPUT,
            ChartNames.SCALABILITY_CREATE_COST, ChartNames.EXAMPLES, ChartNames.POOLING);

    private static int order(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }

    private static List<String> commands(EnvInfo env, Path resultsDir, Path outDir) {
        List<String> commands = new ArrayList<>();
        commands.add("# the run that produced these results");
        commands.add(env == null || env.command() == null ? "(not recorded: env.json missing)" : env.command());
        commands.add("# rebuild this report from the raw results, without re-running");
        commands.add("./run-bench.sh report " + resultsDir + " --out " + outDir);
        return commands;
    }

    private static List<ReportPage.Link> rawFiles(ResultsDir dir, Path claimsFile, Path outDir) throws IOException {
        List<String> names = List.of(ResultsDir.SUMMARY, ResultsDir.SUMMARY_CSV, ResultsDir.ENV, ResultsDir.JMH);
        Path histograms = dir.path().resolve(ResultsDir.HISTOGRAMS);
        List<ReportPage.Link> links = new ArrayList<>(names.stream()
                .filter(n -> Files.isRegularFile(dir.path().resolve(n)))
                .map(n -> new ReportPage.Link(n, href(outDir, dir.path().resolve(n)))).toList());
        // the verdicts on the page: the run's own claims.json, or the one 'report' wrote beside the page
        links.add(new ReportPage.Link(ResultsDir.CLAIMS, href(outDir, claimsFile)));
        if (Files.isDirectory(histograms)) {
            try (Stream<Path> files = Files.list(histograms)) {
                files.map(p -> ResultsDir.HISTOGRAMS + "/" + p.getFileName()).sorted()
                        .map(n -> new ReportPage.Link(n, href(outDir, dir.path().resolve(n)))).forEach(links::add);
            }
        }
        return links;
    }

    /** A relative, URL-encoded link from the report directory to a file. */
    static String href(Path from, Path to) {
        Path rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
        try {
            return new URI(null, null, rel.toString().replace('\\', '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link to " + to, e);
        }
    }
}
