package dev.concbench.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One sub-command of {@code run-bench.sh}: its name, a one-line summary for {@code --help}, the
 * options it accepts and what it does with them.
 *
 * <p>A command reports a user mistake by throwing {@link UsageException} (exit 2, one line) and a
 * failed run by throwing {@link RunFailedException} (exit 3). It returns its own exit code
 * otherwise (0, or 1 for "regression found" / "claim could not be evaluated").
 */
public interface Command {

    /** The word that selects this command, e.g. {@code "run"}. */
    String name();

    /** The synopsis shown in {@code --help}, e.g. {@code "run [--profile P] ..."}. */
    String usage();

    /** One sentence saying what the command does. */
    String summary();

    /** The options this command accepts; {@code --help} is added by the front end. */
    Options options();

    /**
     * Runs the command.
     *
     * @param line the parsed command line (options and positional arguments)
     * @return the process exit code
     */
    int run(CommandLine line) throws Exception;
}
