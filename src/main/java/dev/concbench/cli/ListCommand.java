package dev.concbench.cli;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.claims.Claim;
import dev.concbench.claims.SeedClaims;
import dev.concbench.scenario.ModelSpec;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.vocab.ModelKind;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code list}: the scenarios (with their models and the part of the seed each feeds, its {@code claim:}),
 * the models, and the claims every report judges.
 */
public final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "list";
    }

    @Override
    public String summary() {
        return "list scenarios, models and claims";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("list: unexpected argument '" + line.getArgList().get(0) + "' (list takes none)");
        }
        BenchmarkCatalog benchmarks = BenchmarkCatalog.of();
        ScenarioCatalog catalog = RunCommand.loadScenarios(benchmarks);
        System.out.println("scenarios:");
        for (Scenario s : catalog.scenarios()) {
            BenchmarkCatalog.Entry bench = benchmarks.get(s.benchmark());
            String models = s.models().stream()
                    .map(m -> bench.models().contains(m.name()) ? m.label() : m.label() + " (not in this build)")
                    .collect(Collectors.joining(", "));
            System.out.printf("  %-15s %s: %s%n  %-15s models: %s%n  %-15s feeds: %s%n", s.name(), s.benchmark(),
                    s.title(), "", models, "", s.claim());
        }
        System.out.println("models:");
        for (ModelKind m : ModelKind.values()) {
            System.out.println("  " + m.id() + (m.onJvm() ? "" : " (CPython: python/concbench_py, run by 'run' unless --no-python)"));
        }
        System.out.println("claims:");
        for (Claim c : SeedClaims.all()) {
            System.out.printf("  %-30s %s (%s)%n", c.id(), c.title(), c.source());
        }
        return 0;
    }
}
