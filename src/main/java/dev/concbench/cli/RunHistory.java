package dev.concbench.cli;

import dev.concbench.history.HistoryDatabase;
import dev.concbench.history.HistoryException;
import dev.concbench.history.HistoryStore;
import dev.concbench.history.HistoryTrends;
import dev.concbench.history.StoredRun;
import dev.concbench.metrics.EnvCapture;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The {@code --db} flag of every command that reads or writes the history, and the append at the
 * end of {@code run} (and {@code ab}). The results directory is always written first: a failed
 * append says so in one line on stderr and leaves the run's results and exit code as they are.
 */
final class RunHistory {

    private RunHistory() {
    }

    /** {@code --db JDBC_URL}. */
    static Option option() {
        return Option.builder().longOpt("db").hasArg().argName("JDBC_URL")
                .desc("the history database (default $" + HistoryDatabase.ENV_VARIABLE + ", else jdbc:sqlite:<results>/"
                        + HistoryDatabase.DEFAULT_FILE + "); jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB").get();
    }

    /** The database URL: {@code --db}, else {@code CONCBENCH_DB}, else {@code <resultsRoot>/history.db}. */
    static String url(CommandLine line, Path resultsRoot) {
        return HistoryDatabase.resolve(line.getOptionValue("db"), System.getenv(HistoryDatabase.ENV_VARIABLE), resultsRoot);
    }

    /** Opens the database named by the command line; a bad one is a usage error (exit 2) naming the flag. */
    static HistoryStore open(String command, CommandLine line, Path resultsRoot) {
        try {
            return HistoryDatabase.open(url(line, resultsRoot));
        } catch (HistoryException e) {
            throw new UsageException(command + ": " + flag(line) + e.getMessage());
        }
    }

    /**
     * Before a run starts: opens (creating and migrating) and closes the database, so a bad URL or
     * an unreachable server is exit 2 before minutes of benchmarks, not a surprise after them.
     */
    static void preflight(String command, CommandLine line, Path resultsRoot) {
        open(command, line, resultsRoot).close();
    }

    /**
     * Where a run this command just measured comes from: this host, the checked-out branch.
     *
     * @param source {@code run} or {@code ab}
     */
    static StoredRun.Origin origin(String source) {
        return new StoredRun.Origin(EnvCapture.hostName(), EnvCapture.gitBranch(Path.of("").toAbsolutePath()), source);
    }

    /**
     * Appends a finished run, handed over in memory as its results directory {@code runDir} holds
     * it, to the history; on any failure prints one line on stderr naming the database and leaves
     * everything else as it is.
     */
    static void append(String command, CommandLine line, Path resultsRoot, Path runDir, StoredRun run) {
        String url = url(line, resultsRoot);
        try (HistoryStore store = HistoryDatabase.open(url)) {
            store.append(run);
            System.err.println(Main.PROGRAM + ": " + command + ": recorded in the history " + store.name());
        } catch (HistoryException | RuntimeException e) {
            System.err.println(Main.PROGRAM + ": " + command + ": not recorded in the history (" + e.getMessage()
                    + "); the results directory " + runDir + " is unaffected");
        }
    }

    /**
     * The earlier comparable runs for a run's report (its summary and environment, in memory), or
     * null when there is no history to show: no {@code --db}/{@code CONCBENCH_DB} and no database
     * file at the default place (a report never creates one), or a database that cannot be read (one
     * line on stderr; the report is written without the section).
     */
    static HistoryTrends trends(String command, CommandLine line, Path resultsRoot, StoredRun run) {
        String url = url(line, resultsRoot);
        boolean named = line.hasOption("db") || !flag(line).isEmpty();
        if (!named && !java.nio.file.Files.isRegularFile(resultsRoot.resolve(HistoryDatabase.DEFAULT_FILE))) {
            return null;
        }
        try (HistoryStore store = HistoryDatabase.open(url)) {
            return HistoryTrends.of(store, run);
        } catch (HistoryException | RuntimeException e) {
            System.err.println(Main.PROGRAM + ": " + command + ": the report has no History section (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String flag(CommandLine line) {
        if (line.hasOption("db")) {
            return "--db: ";
        }
        String env = System.getenv(HistoryDatabase.ENV_VARIABLE);
        return env != null && !env.isBlank() ? HistoryDatabase.ENV_VARIABLE + ": " : "";
    }
}
