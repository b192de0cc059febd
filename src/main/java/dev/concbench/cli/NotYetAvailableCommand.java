package dev.concbench.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A command of the contract whose implementation has not landed yet: says so, exit 2. */
record NotYetAvailableCommand(String name, String usage, String summary) implements Command {

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line) {
        throw new UsageException("'" + name + "' is not yet available in this build");
    }
}
