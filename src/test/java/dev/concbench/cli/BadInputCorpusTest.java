package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.scenario.ScenarioDirectory;
import dev.concbench.workload.examples.Examples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of issue 15 for bad input: every case below is one line on stderr naming where and
 * what, exit 2, no stack trace, and no work done. Each runs the real command line as a child process
 * (see {@link CliProcess}: as root, without the powers that ignore file permissions), so an
 * unreadable or read-only folder means what it means to a user. The corpus size and how many meet
 * the promise are printed at the end.
 */
class BadInputCorpusTest {

    /** One bad input: how to set it up in a fresh folder, and a piece its one line must contain. */
    record Case(String name, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The command line of a case, after its files are made. */
    record Invocation(Map<String, String> properties, List<String> args, String expected) {
        static Invocation of(String expected, String... args) {
            return new Invocation(Map.of(), List.of(args), expected);
        }

        Invocation expecting(String text) {
            return new Invocation(properties, args, text);
        }
    }

    @FunctionalInterface
    interface Setup {
        Invocation in(Path dir) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MET = new ArrayList<>();
    private static final List<String> FAILED = new ArrayList<>();

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        // ---- flags
        c.add(new Case("compare --reference with a misspelt model", d -> compare(d, "--reference", "virtul")
                .expecting("--reference: unknown model 'virtul'")));
        c.add(new Case("server with a stray word", d -> Invocation.of("unexpected argument 'extra-word'", "server", "extra-word")));
        c.add(new Case("server --host that is no address", d -> Invocation.of("--host", "server", "--host", "999.1.1.1.1", "--port", "0")));
        c.add(new Case("server --port out of range", d -> Invocation.of("--port", "server", "--port", "70000")));
        c.add(new Case("example --unit-ms overflowing", d -> Invocation.of("--unit-ms",
                "example", Examples.names().getFirst(), "--unit-ms", "9223372036854775807")));
        c.add(new Case("example --unit-ms zero", d -> Invocation.of("--unit-ms", "example", Examples.names().getFirst(), "--unit-ms", "0")));
        c.add(new Case("run --profile unknown", d -> Invocation.of("--profile", "run", "--profile", "fastest")));
        c.add(new Case("run --model unknown", d -> Invocation.of("--model", "run", "--profile", "smoke", "--model", "green-threads",
                "--out", d.resolve("r").toString())));
        // ---- the network flags (issue 17): refused before anything runs, no namespace made
        c.add(new Case("run --network unknown profile", d -> Invocation.of("--network: unknown network profile 'moon'",
                "run", "--profile", "smoke", "--scenario", "io-load", "--network", "moon", "--out", d.resolve("r").toString())));
        c.add(new Case("run --network-delay negative", d -> Invocation.of("--network-delay", "run", "--profile", "smoke",
                "--scenario", "io-load", "--network", "lan", "--network-delay", "-5", "--out", d.resolve("r").toString())));
        c.add(new Case("run --network-loss over 100%", d -> Invocation.of("--network-loss", "run", "--profile", "smoke",
                "--scenario", "io-load", "--network", "lossy", "--network-loss", "150", "--out", d.resolve("r").toString())));
        c.add(new Case("run --network-jitter not a number", d -> Invocation.of("--network-jitter: expected a number",
                "run", "--profile", "smoke", "--scenario", "io-load", "--network", "wan", "--network-jitter", "lots",
                "--out", d.resolve("r").toString())));
        c.add(new Case("run --network with --target", d -> Invocation.of("exclude each other", "run", "--profile", "smoke",
                "--scenario", "io-load", "--network", "wan", "--target", "127.0.0.1:9", "--out", d.resolve("r").toString())));
        c.add(new Case("run --network-delay without --network", d -> Invocation.of("need --network", "run", "--profile",
                "smoke", "--scenario", "io-load", "--network-delay", "5", "--out", d.resolve("r").toString())));
        if (CliProcess.dropsRootPowers() || !"root".equals(System.getProperty("user.name"))) {
            c.add(new Case("run --network without CAP_NET_ADMIN", d -> Invocation.of("--network lan needs root or CAP_NET_ADMIN",
                    "run", "--profile", "smoke", "--scenario", "io-load", "--network", "lan", "--out", d.resolve("r").toString())));
        }
        c.add(new Case("run --target that is not HOST:PORT", d -> Invocation.of("expected HOST:PORT", "run", "--profile",
                "smoke", "--scenario", "io-load", "--target", "nowhere", "--out", d.resolve("r").toString())));
        c.add(new Case("run --target where nothing listens", d -> Invocation.of("--target 127.0.0.1:1:", "run", "--profile",
                "smoke", "--scenario", "io-load", "--target", "127.0.0.1:1", "--out", d.resolve("r").toString())));
        c.add(new Case("run --no-python --target where nothing listens", d -> Invocation.of("--target 127.0.0.1:1:", "run",
                "--profile", "smoke", "--scenario", "io-load", "--no-python", "--target", "127.0.0.1:1", "--out",
                d.resolve("r").toString())));
        c.add(new Case("run --no-python --network unknown profile", d -> Invocation.of("--network: unknown network profile",
                "run", "--profile", "smoke", "--scenario", "io-load", "--no-python", "--network", "moon", "--out",
                d.resolve("r").toString())));
        c.add(new Case("compare --threshold negative", d -> compare(d, "--threshold", "-1").expecting("--threshold")));
        c.add(new Case("report with two folders", d -> Invocation.of("expected one RESULTS_DIR", "report", "a", "b")));
        // ---- results that cannot be read
        c.add(new Case("report of a results folder without permission", d -> {
            Path r = fixture(d);
            Files.setPosixFilePermissions(r, PosixFilePermissions.fromString("---------"));
            return Invocation.of("permission denied", "report", r.toString(), "--out", d.resolve("rep").toString());
        }));
        c.add(new Case("report of a summary.json without permission", d -> {
            Path r = fixture(d);
            Files.setPosixFilePermissions(r.resolve("summary.json"), PosixFilePermissions.fromString("---------"));
            return Invocation.of("permission denied", "report", r.toString(), "--out", d.resolve("rep").toString());
        }));
        c.add(rowCase("report: a row with model null", "report", row -> row.putNull("model"), ":row 1: model is missing"));
        c.add(rowCase("compare: a row with model null", "compare", row -> row.putNull("model"), ":row 1: model is missing"));
        c.add(rowCase("report: a row without a metric", "report", row -> row.remove("metric"), ":row 1: metric is missing"));
        c.add(rowCase("compare: a negative error", "compare", row -> row.put("error", -0.5), ":row 1: error must be >= 0"));
        c.add(rowCase("report: a negative error", "report", row -> row.put("error", -0.5), ":row 1: error must be >= 0"));
        c.add(rowCase("report: value missing", "report", row -> row.remove("value"), ":row 1: value is missing"));
        c.add(rowCase("report: value as text", "report", row -> row.put("value", "fast"), ":row 1: value must be a number"));
        c.add(rowCase("compare: samples not a number", "compare", row -> row.put("samples", "many"), ":row 1: samples must be"));
        c.add(rowCase("report: better unknown", "report", row -> row.put("better", "sideways"), ":row 1: better must be"));
        c.add(rowCase("report: a row that is a number", "report", null, ":row 1: expected an object"));
        c.add(new Case("report: summary.json of binary garbage", d -> {
            Path r = fixture(d);
            Files.write(r.resolve("summary.json"), new byte[] {(byte) 0xff, 0, 1, 2, (byte) 0xc3, 0x28});
            return Invocation.of("summary.json: unreadable", "report", r.toString(), "--out", d.resolve("rep").toString());
        }));
        c.add(new Case("report: rows not a list", d -> {
            Path r = fixture(d);
            ObjectNode root = (ObjectNode) JSON.readTree(r.resolve("summary.json").toFile());
            root.put("rows", "none");
            JSON.writeValue(r.resolve("summary.json").toFile(), root);
            return Invocation.of("rows is missing or not a list", "report", r.toString(), "--out", d.resolve("rep").toString());
        }));
        c.add(new Case("report of a file, not a folder", d -> {
            Path f = Files.writeString(d.resolve("file"), "x");
            return Invocation.of("not a directory", "report", f.toString(), "--out", d.resolve("rep").toString());
        }));
        c.add(new Case("report of a folder without summary.json", d -> {
            Path e = Files.createDirectories(d.resolve("empty"));
            return Invocation.of("no summary.json", "report", e.toString(), "--out", d.resolve("rep").toString());
        }));
        // ---- output places
        c.add(new Case("run --out an existing file", d -> Invocation.of("is a file", "run", "--profile", "smoke",
                "--out", Files.writeString(d.resolve("f"), "x").toString())));
        c.add(new Case("run --out under a file", d -> Invocation.of("is under a file", "run", "--profile", "smoke",
                "--out", Files.writeString(d.resolve("f"), "x").resolve("results").toString())));
        c.add(new Case("run --out in /proc", d -> Invocation.of("--out /proc/1/concbench", "run", "--profile", "smoke",
                "--out", "/proc/1/concbench")));
        c.add(new Case("run --out a read-only folder", d -> Invocation.of("not a writable folder", "run", "--profile", "smoke",
                "--out", readOnly(d).toString())));
        c.add(new Case("report --out an existing file", d -> Invocation.of("is a file", "report", fixture(d).toString(),
                "--out", Files.writeString(d.resolve("f"), "x").toString())));
        c.add(new Case("report --out under a file", d -> Invocation.of("is under a file", "report", fixture(d).toString(),
                "--out", Files.writeString(d.resolve("f"), "x").resolve("rep").toString())));
        c.add(new Case("report --out in /proc", d -> Invocation.of("--out /proc", "report", fixture(d).toString(),
                "--out", "/proc/self/concbench")));
        c.add(new Case("report --out a read-only folder", d -> Invocation.of("not a writable folder", "report", fixture(d).toString(),
                "--out", readOnly(d).toString())));
        c.add(new Case("compare --out under a file", d -> compare(d, "--out",
                Files.writeString(d.resolve("f"), "x").resolve("cmp").toString()).expecting("is under a file")));
        c.add(new Case("compare --out in /proc", d -> compare(d, "--out", "/proc/1/cmp").expecting("--out /proc/1/cmp")));
        // ---- scenario files
        c.add(scenarioCase("a non-UTF-8 byte", d -> Files.write(d, concat(shipped().getBytes(StandardCharsets.UTF_8),
                new byte[] {'#', ' ', (byte) 0xe9, '\n'})), "not UTF-8 text"));
        c.add(scenarioCase("binary garbage", d -> Files.write(d, new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, 0, 1}), "not UTF-8 text"));
        c.add(scenarioCase("a folder named x.yaml", Files::createDirectories, "is a folder"));
        c.add(scenarioCase("an unreadable file", d -> {
            Files.writeString(d, shipped());
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("---------"));
        }, "permission denied"));
        c.add(scenarioCase("a second YAML document", d -> Files.writeString(d, shipped() + "\n---\nclaim: again\n"),
                "a second YAML document"));
        c.add(scenarioCase("forks: 100000", d -> Files.writeString(d, shipped().replace("full: {}", "full: {forks: 100000}")),
                "forks must be 1..20"));
        c.add(scenarioCase("iterations: 2000000000", d -> Files.writeString(d,
                shipped().replace("full: {}", "full: {iterations: 2000000000}")), "iterations must be 1..1000"));
        c.add(scenarioCase("time: 99999999", d -> Files.writeString(d, shipped().replace("full: {}", "full: {time: 99999999}")),
                "time must be 1..60000"));
        c.add(scenarioCase("warmup: -1", d -> Files.writeString(d, shipped().replace("full: {}", "full: {warmup: -1}")),
                "warmup must be 0..1000"));
        c.add(scenarioCase("mechanism: [bogus]", d -> Files.writeString(d,
                shipped().replace("mechanism: [execute]", "mechanism: [bogus]")),
                "parameter 'mechanism' has no value 'bogus' (expected one of futures, execute)"));
        c.add(scenarioCase("a 300 KiB file", d -> Files.writeString(d, shipped() + "\n# " + "x".repeat(300 * 1024) + "\n"),
                "bytes (a scenario file is at most"));
        c.add(new Case("run: a plan far beyond its profile's budget", d -> {
            Path dir = Files.createDirectories(d.resolve("scenarios"));
            Files.writeString(dir.resolve("context-switch.yaml"), shipped().replace("full: {}",
                    "full: {forks: 20, iterations: 1000, time: 60000}"));
            return new Invocation(Map.of(ScenarioDirectory.PROPERTY, dir.toString()), List.of("run", "--profile", "full",
                    "--scenario", "context-switch", "--out", d.resolve("r").toString()), "over 5x the full profile's budget");
        }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(120)
    void badInputIsOneLineExitTwoNoStackTrace(Case c, @TempDir Path dir) throws Exception {
        Invocation inv = c.setup().in(dir);
        CliProcess.Result r = CliProcess.run(dir, inv.properties(), Duration.ofSeconds(90), inv.args().toArray(String[]::new));
        boolean met = r.exit() == 2 && r.stderrLines().size() == 1 && !r.stderr().contains("Exception")
                && !r.stderr().contains("\tat ") && r.stderr().contains(inv.expected());
        synchronized (MET) {
            (met ? MET : FAILED).add(c.name());
        }
        System.out.println("corpus: " + c.name() + " -> exit " + r.exit() + ": " + r.stderr().strip());
        assertAll(c.name(),
                () -> assertEquals(2, r.exit(), r.describe()),
                () -> assertEquals(1, r.stderrLines().size(), r.describe()),
                () -> assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.describe()),
                () -> assertTrue(r.stderr().contains(inv.expected()), "expected '" + inv.expected() + "' in\n" + r.describe()),
                // no work done: not even the history database a run's --out folder would get
                () -> assertFalse(Files.exists(dir.resolve("r").resolve("history.db")), "a history.db was made: " + r.describe()));
        if (dir.toFile().exists()) {
            restorePermissions(dir);
        }
    }

    @AfterAll
    static void tally() {
        System.out.println("BadInputCorpusTest: corpus of " + corpus().size() + " bad inputs, " + MET.size()
                + " meet the promise (one line, exit 2, no stack trace)" + (FAILED.isEmpty() ? "" : "; not: " + FAILED));
    }

    // ---- helpers

    private static Case rowCase(String name, String command, Consumer<ObjectNode> edit, String expected) {
        return new Case(name, d -> {
            Path r = fixture(d);
            ObjectNode root = (ObjectNode) JSON.readTree(r.resolve("summary.json").toFile());
            ArrayNode rows = (ArrayNode) root.get("rows");
            if (edit == null) {
                rows.set(0, JSON.getNodeFactory().numberNode(12));
            } else {
                edit.accept((ObjectNode) rows.get(0));
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(r.resolve("summary.json").toFile(), root);
            if (command.equals("report")) {
                return Invocation.of(expected, "report", r.toString(), "--out", d.resolve("rep").toString());
            }
            Path good = Fixtures.copy(FixtureRuns.COMPLETE, d.resolve("good"));
            return Invocation.of(expected, "compare", "--baseline", good.toString(), "--current", r.toString(),
                    "--out", d.resolve("cmp").toString());
        });
    }

    @FunctionalInterface
    interface FileMaker {
        void make(Path file) throws IOException;
    }

    /** A scenarios folder holding the shipped context-switch scenario and one bad {@code x.yaml}. */
    private static Case scenarioCase(String name, FileMaker bad, String expected) {
        return new Case("scenario file: " + name, d -> {
            Path dir = Files.createDirectories(d.resolve("scenarios"));
            Files.writeString(dir.resolve("context-switch.yaml"), shipped());
            bad.make(dir.resolve("x.yaml"));
            return new Invocation(Map.of(ScenarioDirectory.PROPERTY, dir.toString()),
                    List.of("run", "--profile", "smoke", "--out", d.resolve("r").toString()), expected);
        });
    }

    private static Invocation compare(Path d, String... extra) throws IOException {
        Path base = Fixtures.copy(FixtureRuns.COMPLETE, d.resolve("a"));
        Path cur = Fixtures.copy(FixtureRuns.COMPLETE, d.resolve("b"));
        List<String> args = new ArrayList<>(List.of("compare", "--baseline", base.toString(), "--current", cur.toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", d.resolve("cmp").toString()));
        }
        return new Invocation(Map.of(), args, "");
    }

    private static Path fixture(Path d) {
        return Fixtures.copy(FixtureRuns.COMPLETE, d);
    }

    private static Path readOnly(Path d) throws IOException {
        Path ro = Files.createDirectories(d.resolve("read-only"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        return ro;
    }

    /** The shipped context-switch scenario with its full profile as {@code full: {}}, the cases' anchor. */
    private static String shipped() throws IOException {
        return Files.readString(Path.of("scenarios", "context-switch.yaml"))
                .replaceFirst("(?m)^  full:\\n(?:    .*\\n?)*", "  full: {}\n");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Lets JUnit delete what a case made unreadable. */
    private static void restorePermissions(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir).onClose(() -> { })) {
            all.forEach(p -> p.toFile().setReadable(true));
        } catch (java.io.UncheckedIOException e) {
            // walked into a folder that is still closed: fixed below
        }
        Files.walk(dir, 3).forEach(p -> {
            p.toFile().setReadable(true);
            p.toFile().setWritable(true);
            p.toFile().setExecutable(true);
        });
    }
}
