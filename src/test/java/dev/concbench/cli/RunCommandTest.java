package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.scenario.ScenarioDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code list} reject bad input before anything runs: one line, exit 2. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RunCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @AfterEach
    void restore() {
        System.clearProperty(ScenarioDirectory.PROPERTY);
    }

    private int main(String... args) {
        return new Main(Main.contract()).execute(args);
    }

    @Test
    void aBadScenarioFileFailsWithFileAndLineBeforeAnythingRuns() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(dir.resolve("x.yaml"), """
                claim: "table: x"
                title: X
                benchmark: SpawnBenchmark.spawn
                models: [eventloop, virtul]
                metrics: {spawn: {unit: us/op, better: lower, source: primary}}
                profiles: {smoke: {}, quick: {}, full: {}}
                """);
        System.setProperty(ScenarioDirectory.PROPERTY, dir.toString());
        assertEquals(2, main("run", "--profile", "smoke", "--out", tmp.resolve("results").toString()));
        String line = console.stderr().strip();
        assertTrue(line.matches("run-bench\\.sh: .*scenarios/x\\.yaml:4: unknown model 'virtul' \\(expected one of eventloop, .*\\)"),
                line);
        assertTrue(!Files.exists(tmp.resolve("results")), "nothing ran, nothing was written");
        assertEquals(2, main("list"), "list validates the same files");
    }

    @Test
    void badFlagsAreOneLineUsageErrors() {
        assertEquals(2, main("run", "--profile", "huge"));
        assertTrue(console.stderr().contains("--profile: unknown profile 'huge' (expected one of smoke, quick, full, gate)"),
                console.stderr());
        assertEquals(2, main("run", "--scenario", "nope", "--profile", "smoke"));
        assertTrue(console.stderr().contains("--scenario 'nope' is not a scenario"));
        assertEquals(2, main("run", "--model", "virtul"));
        assertTrue(console.stderr().contains("--model 'virtul' is not a model"));
    }

    /** Like the JVM's {@code --scenario determinism --model process-pool}: nothing to run, one line, exit 2. */
    @Test
    void aCPythonModelInAScenarioTheSideDoesNotRunItInIsNothingToRun() {
        assertEquals(2, main("run", "--profile", "smoke", "--scenario", "determinism", "--model", "python-processes",
                "--out", tmp.resolve("results").toString()));
        String line = console.stderr().strip();
        assertTrue(line.matches("run-bench\\.sh: run: nothing to run for these --scenario/--model filters \\((the CPython side"
                + " runs determinism on python-asyncio, python-threads only|no CPython side: .*)\\)"), line);
        assertTrue(!Files.exists(tmp.resolve("results")), "nothing ran, nothing was written");
    }

    @Test
    void listShowsScenariosModelsAndClaims() {
        assertEquals(0, main("list"));
        String text = console.stdout();
        assertTrue(text.contains("scenarios:") && text.contains("models:") && text.contains("claims:"), text);
        assertTrue(text.contains("context-switch") && text.contains("ContextSwitchBenchmark.handoff"), text);
        assertTrue(text.contains("eventloop+offload"), text);
        assertTrue(text.contains("feeds: table: context switch"), "list shows each scenario's claim: " + text);
        for (var claim : dev.concbench.claims.SeedClaims.all()) {
            assertTrue(text.contains(claim.id()), "list lacks claim " + claim.id());
        }
    }
}
