package dev.concbench.cli;

import dev.concbench.history.HistoryDatabase;
import java.util.Arrays;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The command line a run records in env.json and its report: the flags as given, a database URL without its password. */
final class CommandText {

    private CommandText() {
    }

    /** E.g. {@code run-bench.sh run --profile smoke --no-python}: a flag without a value is written bare. */
    static String of(String command, CommandLine line) {
        return "run-bench.sh " + command + Arrays.stream(line.getOptions()).map(CommandText::flag).reduce("", String::concat);
    }

    private static String flag(Option o) {
        String value = o.getValue();
        if (value == null) {
            return " --" + o.getLongOpt();
        }
        String shown = o.getLongOpt().equals("db") ? HistoryDatabase.display(value) : value;
        return " --" + o.getLongOpt() + " " + (shown.isEmpty() || shown.matches(".*\\s.*") ? "'" + shown + "'" : shown);
    }
}
