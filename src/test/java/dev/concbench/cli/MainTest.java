package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The front end's exit codes and one-line errors, over every command of the contract. */
class MainTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(String... args) {
        return new Main(Main.contract()).execute(args);
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertEquals(0, run("--help"));
        String help = console.stdout();
        for (Command c : Main.contract()) {
            assertTrue(help.contains(c.name()), "help lacks " + c.name());
        }
        assertTrue(help.contains("test"));
    }

    @Test
    void unknownCommandIsOneLineExitTwo() {
        assertEquals(2, run("bogus"));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("unknown command 'bogus'"), stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run --profile smoke --profile quick", "report --out a --out b",
        "compare --threshold 1 --threshold 2", "server --port 1 --port 2", "history --db x --db y"})
    void aOneValueFlagGivenTwiceIsOneLineExitTwo(String args) {
        assertEquals(2, run(args.split(" ")));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("given 2 times") && stderr().contains("give it once"), stderr());
    }

    @Test
    void aRepeatableFlagMayBeGivenTwice() {
        assertEquals(0, run("run", "--scenario", "spawn", "--scenario", "memory", "--help"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "report", "compare", "list", "example", "server"})
    void unknownFlagOfEveryCommandIsOneLineExitTwo(String command) {
        assertEquals(2, run(command, "--no-such-flag"));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains(command + ":"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "report", "compare", "list", "example", "server"})
    void everyCommandHasHelp(String command) {
        assertEquals(0, run(command, "--help"));
        assertTrue(console.stdout().contains("run-bench.sh " + command));
    }
}
