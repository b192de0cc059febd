package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The front end's exit codes and one-line errors, over every command of the contract. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return new Main(Main.contract()).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
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
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("run-bench.sh " + command));
    }
}
