package dev.concbench.cli;

import dev.concbench.history.HistoryException;
import dev.concbench.history.HistoryStore;
import dev.concbench.history.RunEntry;
import dev.concbench.history.StoredRun;
import dev.concbench.regress.HistoryGate;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * {@code compare --current DIR --history N [--db URL]}: judges the current run against the last N
 * comparable runs of the history ({@link HistoryGate}), prints and writes {@code compare.md}
 * naming the runs used and {@code compare.json} (as the other compare modes); exit 1 on a regression, 2 for bad input or a database it cannot use.
 */
final class HistoryCompare {

    private HistoryCompare() {
    }

    static Option option() {
        return Option.builder().longOpt("history").hasArg().argName("N")
                .desc("judge --current against the last N comparable runs of the history database (instead of"
                        + " --baseline): lookback z-score, see docs/history.md").get();
    }

    static int run(CommandLine line) throws Exception {
        if (line.hasOption("baseline")) {
            throw new UsageException("compare: give --baseline DIR or --history N, not both");
        }
        int n = positive(line.getOptionValue("history"));
        if (!line.hasOption("current")) {
            throw new UsageException("compare: --current DIR is required (usage: compare --current DIR --history N)");
        }
        ResultsDir current;
        StoredRun run;
        try {
            current = ResultsDir.open(Path.of(line.getOptionValue("current")));
            run = StoredRun.read(current, StoredRun.Origin.imported());
        } catch (ResultsFormatException e) {
            throw new UsageException("compare: --current " + e.getMessage());
        }
        Path root = current.path().toAbsolutePath().getParent();
        HistoryGate.Outcome outcome;
        try (HistoryStore store = RunHistory.open("compare", line, root)) {
            List<RunEntry> runs = store.comparable(run, n);
            outcome = HistoryGate.judge(run.summary(), runs.stream().map(RunEntry::runId).toList(),
                    store.trustedValues(runs));
        } catch (HistoryException e) {
            throw new UsageException("compare: " + e.getMessage());
        }
        Path out = line.hasOption("out") ? Path.of(line.getOptionValue("out")) : current.path().resolve(ResultsDir.COMPARE_DIR);
        String markdown = outcome.markdown();
        System.out.print(markdown);
        Path md = ResultsDir.writeComparison(out, outcome.comparison(), markdown);
        System.out.println("compare: wrote " + md + " and " + out.resolve(ResultsDir.COMPARE_JSON));
        return outcome.exitCode();
    }

    private static int positive(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0) {
            throw new UsageException("compare: --history '" + text + "': expected a positive whole number of runs");
        }
        return n;
    }
}
