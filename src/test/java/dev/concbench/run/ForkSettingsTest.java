package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.runner.options.Options;

/**
 * What a fork of the shipped memory scenario is started with: the 8 MiB platform-thread variant's
 * fork gets {@code -Xss8m} (and no JMH parameter called {@code stack}), every memory fork is
 * launched without glibc's stack cache, and a scenario that needs no environment keeps JMH's own JVM.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ForkSettingsTest {

    private static List<PlanItem> quickItems(String file) throws Exception {
        Scenario s = JmhRunTest.scenario("scenarios/" + file, Files.readString(Path.of("scenarios", file)));
        return new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(s)), Profile.QUICK, List.of(),
                List.of()).items();
    }

    private static Options options(PlanItem item) {
        return new JmhInvocation(List.of("-Dconcbench.test=1")).options(item);
    }

    @Test
    void theEightMiBVariantsForkGetsTheStackFlagAndTheOthersDoNot() throws Exception {
        List<PlanItem> items = quickItems("memory.yaml");
        PlanItem big = items.stream().filter(i -> i.model().label().equals("thread-per-task[stack=8m]")).findFirst()
                .orElseThrow(() -> new AssertionError("quick runs thread-per-task[stack=8m]"));
        Options o = options(big);
        assertTrue(o.getJvmArgsAppend().get().contains("-Xss8m"), o.getJvmArgsAppend().get().toString());
        assertTrue(o.getJvmArgsAppend().get().contains("-Dconcbench.test=1"), "the run's own fork arguments stay");
        assertFalse(o.getParameter("stack").hasValue(), "stack is a JVM setting, not a JMH parameter");
        for (PlanItem other : items) {
            if (!other.model().params().containsKey("stack")) {
                assertFalse(options(other).getJvmArgsAppend().get().stream().anyMatch(a -> a.startsWith("-Xss")),
                        other.label());
            }
        }
    }

    @Test
    void memoryForksRunWithoutGlibcsStackCache() throws Exception {
        for (PlanItem item : quickItems("memory.yaml")) {
            assertTrue(options(item).getJvm().hasValue(), item.label());
            Path launcher = Path.of(options(item).getJvm().get());
            String script = Files.readString(launcher);
            assertTrue(Files.isExecutable(launcher), launcher.toString());
            assertTrue(script.contains("export GLIBC_TUNABLES='glibc.pthread.stack_cache_size=0'"), script);
            assertTrue(script.contains("exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\""), script);
        }
        assertFalse(options(quickItems("scalability.yaml").getFirst()).getJvm().hasValue(),
                "a benchmark without a ForkEnvironment keeps JMH's JVM");
    }

    @Test
    void theLauncherQuotesValuesAndRefusesBadNames() {
        String script = ForkLauncher.script(Map.of("A_B", "it's"), Path.of("/j/bin/java"));
        assertEquals("#!/bin/sh\n# concbench: a JMH fork with its own environment\nexport A_B='it'\\''s'\nexec '/j/bin/java' \"$@\"\n",
                script);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ForkLauncher.script(Map.of("A;rm", "x"), Path.of("/j/bin/java")));
    }
}
