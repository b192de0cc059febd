package dev.concbench.cli;

import dev.concbench.ab.SideBuilder;
import dev.concbench.ab.SideException;
import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.history.StoredRun;
import dev.concbench.net.ServerSite;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.GateStudy;
import dev.concbench.regress.MarkdownSummary;
import dev.concbench.regress.RunComparator;
import dev.concbench.regress.ScenarioThresholds;
import dev.concbench.regress.TerminalTable;
import dev.concbench.results.Comparison;
import dev.concbench.results.Mode;
import dev.concbench.results.ResultsDir;
import dev.concbench.run.ForkSide;
import dev.concbench.run.InterleavedRun;
import dev.concbench.run.Planner;
import dev.concbench.run.UnknownFilterException;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.scenario.ScenarioDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ab}: two builds (this one, a jar or a git commit), each with its own JVM arguments,
 * measured on this machine now with their forks interleaved A, B, B, A; the regression gate then
 * compares B with A on the raw samples. Writes {@code OUT/A}, {@code OUT/B} (results directories)
 * and {@code OUT/compare.{json,md}}. Exit 0 when B did not regress, 1 when it did, 2 on bad input
 * (one line), 3 when a build or a run failed. With {@code --trials N} it repeats the whole
 * comparison N times ({@code OUT/trial-NN/}) and reports how often the gate failed: the study that
 * measures the gate's false-alarm rate (A = B) and detection rate (B slowed).
 */
final class AbCommand implements Command {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "ab";
    }

    @Override
    public String usage() {
        return "ab [--a-ref REF|--a-jar JAR] [--b-ref REF|--b-jar JAR] [--a-jvm-arg A]... [--b-jvm-arg B]..."
                + " [--profile P] [--scenario NAME]... [--model NAME]... [--threshold F] [--trials N] [--out DIR] [--db JDBC_URL]"
                + " [--no-python] [--network lan|wan|lossy [--network-delay MS] [--network-jitter MS] [--network-loss PCT]"
                + " | --target HOST:PORT]";
    }

    @Override
    public String summary() {
        return "A and B interleaved on this machine; exit 1 when B regressed";
    }

    @Override
    public Options options() {
        Options o = new Options();
        for (String side : List.of("a", "b")) {
            String s = side.toUpperCase(Locale.ROOT);
            o.addOption(Option.builder().longOpt(side + "-ref").hasArg().argName("REF")
                    .desc("side " + s + ": this git commit, built in a temporary worktree (default: this build)").get());
            o.addOption(Option.builder().longOpt(side + "-jar").hasArg().argName("JAR")
                    .desc("side " + s + ": this concbench jar (default: this build)").get());
            o.addOption(Option.builder().longOpt(side + "-jvm-arg").hasArg().argName("ARG")
                    .desc("a JVM argument for side " + s + "'s forks (repeatable), e.g. -XX:+UseZGC").get());
        }
        NetworkFlags.addTo(o);
        return o
                .addOption(Option.builder().longOpt("profile").hasArg().argName("P")
                        .desc("what to run (default " + Profile.GATE.id() + ": the rows worth gating)").get())
                .addOption(Option.builder().longOpt("scenario").hasArg().argName("NAME").desc("only this scenario (repeatable)").get())
                .addOption(Option.builder().longOpt("model").hasArg().argName("NAME").desc("only this model (repeatable)").get())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("F")
                        .desc("fraction every metric may worsen by (default: the scenario files' thresholds, else "
                                + CompareOptions.DEFAULT_THRESHOLD + ")").get())
                .addOption(Option.builder().longOpt("trials").hasArg().argName("N")
                        .desc("repeat the comparison N times and report how often the gate failed (a study)").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("a new directory for both sides' results and the comparison (default results/<time>-ab)").get())
                .addOption(Option.builder().longOpt("no-python")
                        .desc("accepted as run takes it; ab never runs the CPython side (it compares two JVM builds)").get())
                .addOption(RunHistory.option());
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("ab: unexpected argument '" + line.getArgList().getFirst() + "'");
        }
        Profile profile = profile(line);
        int trials = trials(line);
        Double threshold = CompareCommand.threshold(line, "ab");
        Path out = out(line);
        ScenarioCatalog catalog = RunCommand.loadScenarios(BenchmarkCatalog.of());
        Planner.Plan plan;
        try {
            plan = new Planner(BenchmarkCatalog.of()).plan(catalog, profile, values(line, "scenario"),
                    values(line, "model"));
        } catch (UnknownFilterException e) {
            throw new UsageException("ab: --" + e.subject().word() + " " + e.getMessage());
        }
        if (plan.items().isEmpty()) {
            throw new UsageException("ab: nothing to run for profile " + profile.id() + " with these --scenario/--model filters");
        }
        NetworkFlags.Request network = NetworkFlags.check("ab", line);
        List<ForkSide> sides = List.of(side(line, "a"), side(line, "b"));
        // both sides' forks reach the same delay server, where --network/--target put it; the
        // namespace (if any) exists for the comparison only
        try (ServerSite site = NetworkFlags.open(network, System.err)) {
            return compare(line, profile, plan, sides, trials, threshold, catalog, out, site);
        }
    }

    private static int compare(CommandLine line, Profile profile, Planner.Plan plan, List<ForkSide> sides, int trials,
            Double threshold, ScenarioCatalog catalog, Path out, ServerSite site) throws IOException {
        // the history lives beside the ab folder (results/history.db by default), as run's does
        Path historyRoot = out.toAbsolutePath().getParent();
        RunHistory.preflight("ab", line, historyRoot);
        Files.createDirectories(out);
        CompareOptions options = new CompareOptions(Mode.ABSOLUTE, threshold, ScenarioThresholds.of(catalog.scenarios()),
                null, false);
        String command = CommandText.of("ab", line);
        long start = System.nanoTime();
        GateStudy study = new GateStudy();
        int code = Comparison.PASSED;
        for (int t = 1; t <= trials; t++) {
            Path dir = trials == 1 ? out : out.resolve(String.format(Locale.ROOT, "trial-%02d", t));
            if (trials > 1) {
                System.err.printf("ab: trial %d of %d%n", t, trials);
            }
            InterleavedRun.Outcome o = new InterleavedRun(dir, profile, plan, sides, command, Clock.systemUTC(), System.err,
                    site).run();
            Comparison c = trial(dir, o, options);
            for (InterleavedRun.SideResult side : o.sides()) {
                RunHistory.append("ab", line, historyRoot, side.results().path(),
                        new StoredRun(side.summary(), side.env(), List.of(), RunHistory.origin("ab")));
            }
            study.add(c);
            code = Math.max(code, c.exitCode());
        }
        System.out.printf(Locale.ROOT, "ab: took %d s (%s profile, %d item(s), %d trial(s))%n",
                (System.nanoTime() - start) / 1_000_000_000L, profile.id(), plan.items().size(), trials);
        if (trials > 1) {
            String md = study.markdown(command);
            ResultsDir.writeAtomically(out.resolve("study.md"), md.getBytes(StandardCharsets.UTF_8));
            System.out.print(md);
            System.out.println("ab: wrote " + out.resolve("study.md"));
            return 0;
        }
        return code;
    }

    /** The interleaved run of both sides in {@code dir}, compared; exit 3 when a fork failed. */
    private static Comparison trial(Path dir, InterleavedRun.Outcome o, CompareOptions options) throws IOException {
        Comparison c = RunComparator.compare(o.sides().get(0).summary(), o.sides().get(1).summary(), options);
        System.out.print(TerminalTable.render(c));
        Path md = ResultsDir.writeComparison(dir, c, MarkdownSummary.render(c));
        System.out.println("ab: wrote " + dir.resolve("A") + ", " + dir.resolve("B") + ", " + md + " and "
                + dir.resolve(ResultsDir.COMPARE_JSON));
        if (!o.failures().isEmpty()) {
            throw new RunFailedException(o.failures().size() + " fork(s) failed, first: " + o.failures().getFirst());
        }
        return c;
    }

    private static ForkSide side(CommandLine line, String side) {
        String s = side.toUpperCase(Locale.ROOT);
        List<String> jvmArgs = values(line, side + "-jvm-arg");
        if (line.hasOption(side + "-ref") && line.hasOption(side + "-jar")) {
            throw new UsageException("ab: give --" + side + "-ref or --" + side + "-jar, not both");
        }
        SideBuilder builder = new SideBuilder(ScenarioDirectory.projectDir());
        try {
            if (line.hasOption(side + "-ref")) {
                return builder.ref(s, line.getOptionValue(side + "-ref"), jvmArgs, System.err);
            }
            if (line.hasOption(side + "-jar")) {
                return builder.jar(s, Path.of(line.getOptionValue(side + "-jar")), jvmArgs);
            }
            return builder.current(s, jvmArgs);
        } catch (SideException e) {
            String flag = line.hasOption(side + "-ref") ? "--" + side + "-ref" : line.hasOption(side + "-jar")
                    ? "--" + side + "-jar" : "--" + side + "-jvm-arg";
            if (e.buildFailed()) {
                throw new RunFailedException("ab: " + flag + ": " + e.getMessage());
            }
            throw new UsageException("ab: " + flag + ": " + e.getMessage());
        }
    }

    private static Profile profile(CommandLine line) {
        try {
            return Profile.of(line.getOptionValue("profile", Profile.GATE.id()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("ab: --profile: " + e.getMessage());
        }
    }

    private static int trials(CommandLine line) {
        String text = line.getOptionValue("trials", "1");
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the one-line usage error, which names the flag and the value
        }
        throw new UsageException("ab: --trials: expected a whole number >= 1, got '" + text + "'");
    }

    /**
     * The output directory, not yet created: an existing non-empty one is refused, so no earlier
     * results are overwritten.
     */
    private static Path out(CommandLine line) throws IOException {
        String given = line.getOptionValue("out");
        Path out = given != null ? Path.of(given)
                : Path.of("results", STAMP.format(java.time.Instant.now()) + "-ab");
        if (Files.exists(out) && !isEmptyDirectory(out)) {
            throw new UsageException("ab: --out " + out + ": already exists and is not empty (ab never writes over"
                    + " earlier results; give a new directory)");
        }
        return out;
    }

    private static boolean isEmptyDirectory(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : new ArrayList<>(List.of(v));
    }
}
