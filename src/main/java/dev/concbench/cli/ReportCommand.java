package dev.concbench.cli;

import dev.concbench.claims.RunData;
import dev.concbench.claims.Verdicts;
import dev.concbench.history.HistoryTrends;
import dev.concbench.history.StoredRun;
import dev.concbench.regress.CompareInputException;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.MarkdownSummary;
import dev.concbench.regress.RunComparator;
import dev.concbench.report.ReportInput;
import dev.concbench.report.Reporter;
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
 * {@code report RESULTS_DIR [--out DIR] [--baseline DIR]}: reads a results directory, judges every
 * claim again in memory (the claims stage, {@link Verdicts}), writes that {@code claims.json}, the
 * HTML report with its charts and, with {@code --baseline}, the gate's {@code compare/} into the
 * output directory (default {@code reports/<run-id>/}), and prints the path of {@code index.html}.
 * It never writes into the results directory it reads (the run's own {@code claims.json} there is
 * left as the run wrote it).
 * With a history database ({@code --db}, {@code CONCBENCH_DB}, or a {@code history.db} beside the
 * results directory) that holds earlier comparable runs, the report has a History section.
 *
 * <p>Exit 0 when every claim was judged; 1 when the report was written but some claim could not
 * be evaluated (not measured: missing or guarded data); 2 for a missing, foreign or older-format
 * results directory (one line naming the path).
 */
public final class ReportCommand implements Command {

    /**
     * The end of every {@code run}: the report of the run just measured and judged, its path printed
     * on stdout. Always 0: the run's own outcome decides its exit code, and "not measured" is in the report.
     */
    public static int afterRun(ReportInput run, HistoryTrends history) throws Exception {
        System.out.println(Reporter.write(run, Outputs.reportFolder(run.results().path()), null, history));
        return 0;
    }

    /**
     * Reads the rows and environment of {@code dir} once, validating them (before any output folder
     * is made, so a bad results folder leaves nothing behind).
     *
     * @throws ResultsFormatException when a file of {@code dir} is unreadable or of another format
     */
    static RunData read(ResultsDir dir) throws ResultsFormatException {
        return new RunData(dir.readSummary(), dir.has(ResultsDir.ENV) ? dir.readEnv() : null);
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
        try {
            ResultsDir dir = ResultsDir.open(results);
            if (line.hasOption("out") && Path.of(line.getOptionValue("out")).toAbsolutePath().normalize()
                    .equals(results.toAbsolutePath().normalize())) {
                throw new UsageException("report: --out " + line.getOptionValue("out")
                        + " is the results folder it reads (expected another folder: a report never writes into its input)");
            }
            RunData data = read(dir);
            Verdicts verdicts = Verdicts.judge(data);
            // the gate's comparison: made now with --baseline, else the one 'compare' wrote beside the results
            Comparison comparison = line.hasOption("baseline") ? baseline(line, dir, data)
                    : dir.readComparison().orElse(null);
            // the output folder is made (or claimed) only once every input read well
            Path out = line.hasOption("out") ? Outputs.writableFolder("report", "--out", Path.of(line.getOptionValue("out")))
                    : Outputs.reportFolder(results);
            ReportInput input = new ReportInput(dir, data, verdicts, verdicts.write(out.resolve(ResultsDir.CLAIMS)));
            if (comparison != null) {
                ResultsDir.writeComparison(out.resolve(ResultsDir.COMPARE_DIR), comparison,
                        MarkdownSummary.render(comparison));
            }
            Path index = Reporter.write(input, out, comparison, RunHistory.trends("report", line,
                    results.toAbsolutePath().getParent(), new StoredRun(data.summary(), data.env().orElse(null),
                            verdicts.results(), StoredRun.Origin.imported())));
            System.out.println(index);
            long notMeasured = input.verdicts().count(Verdict.NOT_MEASURED);
            if (notMeasured > 0) {
                System.err.println(Main.PROGRAM + ": report: " + notMeasured + " of " + input.verdicts().size()
                        + " claims not measured; the report says why");
                return 1;
            }
            return 0;
        } catch (ResultsFormatException e) {
            throw new UsageException("report: " + e.getMessage());
        }
    }

    /**
     * {@code --baseline}: the regression gate's comparison of the two runs with its default options,
     * which {@link #run} writes as {@code compare/compare.{json,md}} into the report's directory (never
     * into the results it reads) and the report shows from memory.
     */
    private static Comparison baseline(CommandLine line, ResultsDir current, RunData data) {
        Path baseline = Path.of(line.getOptionValue("baseline"));
        try {
            return RunComparator.compare(ResultsDir.open(baseline), current, data.summary(), data.env().orElse(null),
                    CompareOptions.defaults());
        } catch (CompareInputException | ResultsFormatException e) {
            throw new UsageException("report: --baseline: " + e.getMessage());
        }
    }
}
