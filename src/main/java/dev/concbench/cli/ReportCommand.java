package dev.concbench.cli;

import dev.concbench.history.HistoryTrends;
import dev.concbench.regress.CompareInputException;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.MarkdownSummary;
import dev.concbench.regress.RunComparator;
import dev.concbench.report.Reporter;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.Comparison;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code report RESULTS_DIR [--out DIR] [--baseline DIR]}: judges every claim of a results
 * directory (writing its {@code claims.json}), writes the HTML report with its charts (default
 * {@code reports/<run-id>/}) and prints the path of {@code index.html}. With a history database
 * ({@code --db}, {@code CONCBENCH_DB}, or a {@code history.db} beside the results directory) that
 * holds earlier comparable runs, the report has a History section.
 *
 * <p>Exit 0 when every claim was judged; 1 when the report was written but some claim could not
 * be evaluated (not measured: missing or guarded data); 2 for a missing, foreign or older-format
 * results directory (one line naming the path).
 */
public final class ReportCommand implements Command {

    /**
     * The end of every {@code run}: the report of the run just written, its path printed on stdout.
     * Always 0: the run's own outcome decides its exit code, and "not measured" is in the report.
     */
    public static int afterRun(Path resultsDir, HistoryTrends history) throws Exception {
        System.out.println(Reporter.write(resultsDir, Outputs.reportFolder(resultsDir), null, history));
        return 0;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report RESULTS_DIR [--out DIR] [--baseline DIR] [--db JDBC_URL]";
    }

    @Override
    public String summary() {
        return "rebuild the report from raw results, no re-run";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where the report goes (default reports/<run-id>/)").get())
                .addOption(Option.builder().longOpt("baseline").hasArg().argName("DIR")
                        .desc("a baseline results directory: adds baseline-vs-current highlights").get())
                .addOption(RunHistory.option());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("report: expected one RESULTS_DIR, got " + args.size()
                    + (args.isEmpty() ? "" : " (" + String.join(" ", args) + ")"));
        }
        Path results = Path.of(args.getFirst());
        Path out;
        try {
            ResultsDir.open(results);
            out = line.hasOption("out") ? Outputs.writableFolder("report", "--out", Path.of(line.getOptionValue("out")))
                    : Outputs.reportFolder(results);
            Path index = Reporter.write(results, out, baseline(line, results),
                    RunHistory.trends("report", line, results.toAbsolutePath().getParent(), results));
            System.out.println(index);
            List<ClaimResult> claims = ResultsDir.open(results).readClaims();
            long notMeasured = claims.stream().filter(c -> c.verdict() == Verdict.NOT_MEASURED).count();
            if (notMeasured > 0) {
                System.err.println(Main.PROGRAM + ": report: " + notMeasured + " of " + claims.size()
                        + " claims not measured; the report says why");
                return 1;
            }
            return 0;
        } catch (ResultsFormatException e) {
            throw new UsageException("report: " + e.getMessage());
        }
    }

    /**
     * {@code --baseline}: the regression gate compares the two runs with its default options, writes
     * {@code compare/compare.{json,md}} beside the current results (as {@code compare} does), and the
     * report shows the comparison it holds in memory; null without {@code --baseline}.
     */
    private static Comparison baseline(CommandLine line, Path current) throws Exception {
        if (!line.hasOption("baseline")) {
            return null;
        }
        Path baseline = Path.of(line.getOptionValue("baseline"));
        Comparison comparison;
        try {
            comparison = RunComparator.compare(ResultsDir.open(baseline), ResultsDir.open(current),
                    CompareOptions.defaults());
        } catch (CompareInputException | ResultsFormatException e) {
            throw new UsageException("report: --baseline: " + e.getMessage());
        }
        ResultsDir.writeComparison(current.resolve(ResultsDir.COMPARE_DIR), comparison, MarkdownSummary.render(comparison));
        return comparison;
    }
}
