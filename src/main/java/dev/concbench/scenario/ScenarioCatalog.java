package dev.concbench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every scenario of a {@code scenarios/} directory, parsed and validated up front so that a bad
 * file fails before anything runs. Immutable once loaded.
 *
 * @param scenarios the scenarios, ordered by file name
 */
public record ScenarioCatalog(List<Scenario> scenarios) {

    public ScenarioCatalog {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Loads every {@code *.yaml} file of {@code dir}.
     *
     * @param dir     the directory
     * @param display how errors name the directory, e.g. {@code scenarios}
     * @param parser  the parser that knows this build's benchmarks
     * @throws ScenarioException the first bad file's first problem
     * @throws IOException       when the directory cannot be listed or a file read
     */
    public static ScenarioCatalog load(Path dir, String display, ScenarioParser parser)
            throws ScenarioException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) {
            out.add(parser.parse(display + "/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return new ScenarioCatalog(out);
    }

    /** The scenario called {@code name}, if any. */
    public Optional<Scenario> find(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every scenario's name, in order. */
    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }
}
