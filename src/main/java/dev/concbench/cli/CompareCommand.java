package dev.concbench.cli;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.regress.CompareInputException;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.EnvironmentMismatchException;
import dev.concbench.results.Comparison;
import dev.concbench.regress.MarkdownSummary;
import dev.concbench.results.Mode;
import dev.concbench.regress.RunComparator;
import dev.concbench.regress.ScenarioThresholds;
import dev.concbench.regress.TerminalTable;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import dev.concbench.scenario.ScenarioDirectory;
import dev.concbench.vocab.ModelKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code compare --baseline DIR --current DIR}: the regression gate. Prints the table, writes
 * {@code compare.md} and {@code compare.json}, exits 1 when an unguarded row regressed beyond its
 * threshold and error, 0 otherwise, 2 on input it cannot compare.
 */
final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String usage() {
        return "compare --baseline DIR --current DIR [--mode absolute|ratios] [--reference MODEL] [--threshold F]"
                + " [--scenarios DIR] [--out DIR] [--allow-env-mismatch] | --current DIR --history N [--db URL]";
    }

    @Override
    public String summary() {
        return "regression gate: exit 1 on regression";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("baseline").hasArg().argName("DIR")
                        .desc("the results directory to compare against (required)").get())
                .addOption(Option.builder().longOpt("current").hasArg().argName("DIR")
                        .desc("the results directory under test (required)").get())
                .addOption(Option.builder().longOpt("mode").hasArg().argName("MODE")
                        .desc("absolute (same machine; default) or ratios (each model over a reference model"
                                + " of the same run; carries across machines)").get())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("F")
                        .desc("fraction every metric may worsen by, over the scenario files' thresholds"
                                + " (default " + CompareOptions.DEFAULT_THRESHOLD + " where no scenario says)").get())
                .addOption(Option.builder().longOpt("reference").hasArg().argName("MODEL")
                        .desc("ratios mode: divide by this model (default: the first of "
                                + String.join(", ", ModelKind.referenceOrder()) + " the scenario ran)").get())
                .addOption(Option.builder().longOpt("scenarios").hasArg().argName("DIR")
                        .desc("where scenario YAML files with thresholds: maps are (default: the checkout's scenarios/)")
                        .get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where compare.md and compare.json go (default CURRENT/compare)").get())
                .addOption(HistoryCompare.option())
                .addOption(RunHistory.option())
                .addOption(Option.builder().longOpt("allow-env-mismatch")
                        .desc("compare runs from different profiles or environments, saying so in the output").get());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("compare: unexpected argument '" + line.getArgList().getFirst()
                    + "' (give directories with --baseline and --current)");
        }
        if (line.hasOption("history")) {
            return HistoryCompare.run(line);
        }
        ResultsDir baseline = open(line, "baseline");
        ResultsDir current = open(line, "current");
        Mode mode = Mode.byLabel(line.getOptionValue("mode", Mode.ABSOLUTE.label())).orElseThrow(
                () -> new UsageException("compare: --mode: expected absolute or ratios, got '"
                        + line.getOptionValue("mode") + "'"));
        String reference = line.getOptionValue("reference");
        if (reference != null && ModelKind.of(reference).isEmpty()) {
            throw new UsageException("compare: --reference: unknown model '" + reference + "' (expected one of "
                    + String.join(", ", ModelKind.ids()) + ")");
        }
        Path out = Outputs.writableFolder("compare", "--out", line.hasOption("out") ? Path.of(line.getOptionValue("out"))
                : current.path().resolve(ResultsDir.COMPARE_DIR));
        CompareOptions options = new CompareOptions(mode, threshold(line, "compare"), thresholds(line),
                reference, line.hasOption("allow-env-mismatch"));
        Comparison comparison;
        try {
            comparison = RunComparator.compare(baseline, current, options);
        } catch (EnvironmentMismatchException e) {
            throw new UsageException("compare: " + e.getMessage() + " (pass --allow-env-mismatch to compare them anyway)");
        } catch (CompareInputException e) {
            throw new UsageException("compare: " + e.getMessage());
        }
        System.out.print(TerminalTable.render(comparison));
        Path markdown = ResultsDir.writeComparison(out, comparison, MarkdownSummary.render(comparison));
        System.out.println("compare: wrote " + markdown + " and " + out.resolve(ResultsDir.COMPARE_JSON));
        return comparison.exitCode();
    }

    private static ResultsDir open(CommandLine line, String flag) {
        if (!line.hasOption(flag)) {
            throw new UsageException("compare: --" + flag + " DIR is required (usage: compare --baseline DIR"
                    + " --current DIR)");
        }
        try {
            return ResultsDir.open(Path.of(line.getOptionValue(flag)));
        } catch (ResultsFormatException e) {
            throw new UsageException("compare: --" + flag + " " + e.getMessage());
        }
    }

    /** {@code --threshold F} of {@code command}, or null when not given. */
    static Double threshold(CommandLine line, String command) {
        if (!line.hasOption("threshold")) {
            return null;
        }
        String text = line.getOptionValue("threshold");
        try {
            double t = Double.parseDouble(text);
            if (t > 0 && Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // falls through to the one-line usage error below, which names the flag and the value
        }
        throw new UsageException(command + ": --threshold: expected a fraction > 0 such as 0.2 (20 %), got '" + text + "'");
    }

    private static ScenarioThresholds thresholds(CommandLine line) throws java.io.IOException {
        Path dir = line.hasOption("scenarios") ? Path.of(line.getOptionValue("scenarios")) : ScenarioDirectory.locate();
        if (!Files.isDirectory(dir)) {
            if (line.hasOption("scenarios")) {
                throw new UsageException("compare: --scenarios " + dir + ": no such directory");
            }
            return ScenarioThresholds.none();
        }
        try {
            return ScenarioThresholds.of(RunCommand.loadScenarios(BenchmarkCatalog.of(), dir).scenarios());
        } catch (UsageException e) {
            throw new UsageException("compare: " + e.getMessage());
        }
    }
}
