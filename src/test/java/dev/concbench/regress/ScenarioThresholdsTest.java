package dev.concbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioThresholdsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheThresholdsMapAndSkipsEveryOtherKey() throws Exception {
        Files.writeString(dir.resolve("context-switch.yaml"), """
                description: hand-offs between two tasks
                models: [eventloop, virtual, platform-pool]
                profiles:
                  smoke: {forks: 1, iterations: 2}
                  full:
                    forks: 3
                    thresholds: {handoff: 9}   # nested, not ours
                thresholds:
                  handoff: 0.25
                  other: 1
                after: [1, 2]
                """);
        Files.writeString(dir.resolve("spawn.yaml"), "description: no thresholds here\n");
        Files.writeString(dir.resolve("notes.txt"), "thresholds: {spawn: nonsense}\n");

        ScenarioThresholds t = ScenarioThresholds.read(dir);
        assertEquals(Map.of("context-switch", Map.of("handoff", 0.25, "other", 1.0)), t.byScenario());
        assertEquals(OptionalDouble.of(0.25), t.of("context-switch", "handoff"));
        assertEquals(OptionalDouble.empty(), t.of("spawn", "spawn"));
    }

    @Test
    void aThresholdThatIsNotAPositiveNumberIsRejectedWithFileAndLine() throws Exception {
        Path file = dir.resolve("io-load.yaml");
        Files.writeString(file, "description: x\nthresholds:\n  p99: 0.3\n  p999: lots\n");
        var e = assertThrows(CompareInputException.class, () -> ScenarioThresholds.read(dir));
        assertEquals(file + ":4: thresholds.p999: expected a fraction > 0 (e.g. 0.25 for 25 %), got 'lots'",
                e.getMessage());

        Files.writeString(file, "thresholds: [0.2]\n");
        e = assertThrows(CompareInputException.class, () -> ScenarioThresholds.read(dir));
        assertTrue(e.getMessage().startsWith(file + ":1: 'thresholds' must map"), e.getMessage());

        Files.writeString(file, "thresholds:\n  p99: -0.1\n");
        e = assertThrows(CompareInputException.class, () -> ScenarioThresholds.read(dir));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    }

    @Test
    void brokenYamlIsOneLineNamingTheFile() throws Exception {
        Path file = dir.resolve("memory.yaml");
        Files.writeString(file, "thresholds: {rssPerUnit: 0.2\n");
        var e = assertThrows(CompareInputException.class, () -> ScenarioThresholds.read(dir));
        assertTrue(e.getMessage().startsWith(file + ": not readable as YAML"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
