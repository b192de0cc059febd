package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ExampleCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Main main = new Main(List.of(new ExampleCommand(new PrintStream(out, true, StandardCharsets.UTF_8))));

    /** Runs the command line with stderr captured; returns {exit code, stderr}. */
    private Object[] execute(String... args) {
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = main.execute(args);
            return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(realErr);
        }
    }

    @Test
    void runsAnExampleAndPrintsItsLinesThenElapsed() {
        Object[] result = execute("example", "hello", "--unit-ms", "10");
        assertEquals(0, result[0]);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("Hello", "World"), lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("elapsed: "), lines.get(2));
    }

    @Test
    void listsEveryExample() {
        assertEquals(0, execute("example", "--list")[0]);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("producer-consumer"));
    }

    @Test
    void anUnknownExampleExitsTwoWithOneLine() {
        Object[] result = execute("example", "bogus");
        assertEquals(2, result[0]);
        String err = (String) result[1];
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("unknown example 'bogus'") && err.contains("gather"), err);
    }

    @Test
    void aBadUnitExitsTwoNamingTheFlag() {
        Object[] result = execute("example", "hello", "--unit-ms", "0");
        assertEquals(2, result[0]);
        assertTrue(((String) result[1]).contains("--unit-ms"), (String) result[1]);
    }
}
