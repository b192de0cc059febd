package dev.concbench.cli;

import dev.concbench.history.HistoryException;
import dev.concbench.history.HistoryImport;
import dev.concbench.history.HistoryStore;
import dev.concbench.history.RunEntry;
import dev.concbench.history.SeriesQuery;
import dev.concbench.history.TrendCsv;
import dev.concbench.history.TrendPoint;
import dev.concbench.report.Figure;
import dev.concbench.report.TrendChart;
import dev.concbench.results.ResultsFormatException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code history [--db URL] [--last N]} lists the stored runs;
 * {@code history --scenario S [--model M] --metric X [--params k=v]... [--out DIR]} prints a metric
 * across runs and writes its trend (PNG, SVG, CSV); {@code history --import DIR...} stores existing
 * results directories. Exit 2 for a bad database, flag or directory (one line).
 */
public final class HistoryCommand implements Command {

    /** Where trends go without {@code --out}. */
    static final Path DEFAULT_OUT = Path.of("reports", "history");
    private static final Path RESULTS_ROOT = Path.of("results");

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String usage() {
        return "history [--db URL] [--last N] | --scenario S [--model M] --metric X [--params k=v]... [--out DIR]"
                + " | --import RESULTS_DIR...";
    }

    @Override
    public String summary() {
        return "list the runs in the history database, a metric's trend across them, or import results";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(RunHistory.option())
                .addOption(Option.builder().longOpt("last").hasArg().argName("N")
                        .desc("list only the newest N runs").get())
                .addOption(Option.builder().longOpt("scenario").hasArg().argName("S").desc("the trend's scenario").get())
                .addOption(Option.builder().longOpt("model").hasArg().argName("M")
                        .desc("the trend's model (default: one series per model)").get())
                .addOption(Option.builder().longOpt("metric").hasArg().argName("X").desc("the trend's metric").get())
                .addOption(Option.builder().longOpt("params").hasArg().argName("k=v")
                        .desc("only rows with this parameter value (repeatable)").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where the trend's PNG, SVG and CSV go (default " + DEFAULT_OUT + ")").get())
                .addOption(Option.builder().longOpt("import").hasArgs().argName("RESULTS_DIR")
                        .desc("store these results directories (a run, or a root of runs such as results/)").get());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("history: unexpected argument '" + line.getArgList().getFirst()
                    + "' (see 'run-bench.sh history --help')");
        }
        boolean trend = line.hasOption("scenario") || line.hasOption("metric") || line.hasOption("model")
                || line.hasOption("params");
        if (trend && line.hasOption("import")) {
            throw new UsageException("history: --import cannot be combined with a trend's --scenario/--metric");
        }
        if (trend && !(line.hasOption("scenario") && line.hasOption("metric"))) {
            throw new UsageException("history: a trend needs --scenario S and --metric X");
        }
        int last = last(line);
        if (!line.hasOption("import")) {
            requireExistingFile(RunHistory.url(line, RESULTS_ROOT));
        }
        try (HistoryStore store = RunHistory.open("history", line, RESULTS_ROOT)) {
            if (line.hasOption("import")) {
                return importRuns(store, line.getOptionValues("import"));
            }
            return trend ? trend(store, line) : list(store, last);
        } catch (HistoryException e) {
            throw new UsageException("history: " + e.getMessage());
        }
    }

    private static int list(HistoryStore store, int last) throws HistoryException {
        List<RunEntry> runs = store.runs(last);
        System.out.printf("%-28s %-20s %-7s %-12s %-20s %-8s %6s %s%n", "run", "started", "profile", "commit", "host",
                "complete", "rows", "source");
        for (RunEntry r : runs) {
            String commit = r.gitCommit() == null ? "" : r.gitCommit().substring(0, Math.min(12, r.gitCommit().length()));
            System.out.printf("%-28s %-20s %-7s %-12s %-20s %-8s %6d %s%n", r.runId(), shortInstant(r.started()),
                    r.profile(), commit, r.host(), r.complete() ? "yes" : "no", r.rows(), r.source());
        }
        System.err.println(Main.PROGRAM + ": history: " + runs.size() + " run" + (runs.size() == 1 ? "" : "s")
                + " in " + store.name());
        return 0;
    }

    private static int trend(HistoryStore store, CommandLine line) throws Exception {
        SeriesQuery query = new SeriesQuery(line.getOptionValue("scenario"), line.getOptionValue("model"),
                line.getOptionValue("metric"), params(line));
        List<TrendPoint> points = store.trend(query);
        if (points.isEmpty()) {
            throw new UsageException("history: no stored rows for --scenario " + query.scenario() + " --metric "
                    + query.metric() + (query.model() == null ? "" : " --model " + query.model())
                    + (query.params().isEmpty() ? "" : " --params " + query.params()) + " in " + store.name());
        }
        System.out.printf("%-28s %-20s %-30s %s%n", "run", "started", "series", query.metric());
        for (TrendPoint p : points) {
            System.out.printf("%-28s %-20s %-30s %s%s%n", p.runId(), shortInstant(p.started()), p.series(),
                    p.measure().format(), p.guards().isEmpty() ? "" : "  [guarded: " + String.join("; ", p.guards()) + "]");
        }
        Path out = Path.of(line.getOptionValue("out", DEFAULT_OUT.toString()));
        Figure figure = TrendChart.write(query, points, out);
        Path csv = out.resolve(TrendChart.name(query) + ".csv");
        TrendCsv.write(points, csv);
        System.out.println(out.resolve(figure.png()));
        System.err.println(Main.PROGRAM + ": history: also " + out.resolve(figure.svg()) + " and " + csv);
        return 0;
    }

    private static int importRuns(HistoryStore store, String[] dirs) throws HistoryException {
        long t0 = System.nanoTime();
        HistoryImport.Outcome outcome;
        try {
            outcome = HistoryImport.importAll(store, java.util.Arrays.stream(dirs).map(Path::of).toList());
        } catch (ResultsFormatException e) {
            throw new UsageException("history: --import: " + e.getMessage());
        }
        System.out.printf("imported %d run%s (%d rows), %d already stored, into %s in %d ms%n", outcome.added(),
                outcome.added() == 1 ? "" : "s", outcome.rows(), outcome.skipped(), store.name(),
                (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    private static int last(CommandLine line) {
        if (!line.hasOption("last")) {
            return 0;
        }
        int n;
        try {
            n = Integer.parseInt(line.getOptionValue("last"));
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n > 0) {
            return n;
        }
        throw new UsageException("history: --last '" + line.getOptionValue("last") + "': expected a positive whole number");
    }

    private static Map<String, String> params(CommandLine line) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] values = line.getOptionValues("params");
        for (String kv : values == null ? new String[0] : values) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("history: --params '" + kv + "': expected NAME=VALUE");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    /** {@code 2026-11-24T00:59:24.219782910Z} as {@code 2026-11-24 00:59:24}. */
    private static String shortInstant(String iso) {
        return iso != null && iso.length() >= 19 ? iso.substring(0, 10) + " " + iso.substring(11, 19) : String.valueOf(iso);
    }

    /**
     * Reading the history never creates it: a SQLite URL naming no file (a typo, another folder) is
     * one line, not an empty history that hides the mistake. Only {@code --import} makes a database.
     */
    private static void requireExistingFile(String url) {
        String prefix = "jdbc:sqlite:";
        if (url.startsWith(prefix)) {
            String file = url.substring(prefix.length()).replaceFirst("\\?.*$", "");
            if (!file.isEmpty() && !file.startsWith(":") && !java.nio.file.Files.isRegularFile(Path.of(file))) {
                throw new UsageException("history: no history database at " + file
                        + " (expected a file a run or 'history --import' wrote; --db or CONCBENCH_DB names another)");
            }
        }
    }
}
