package dev.concbench.cli;

import static dev.concbench.regress.Fixtures.baseline;
import static dev.concbench.regress.Fixtures.env;
import static dev.concbench.regress.Fixtures.only;
import static dev.concbench.regress.Fixtures.scaled;
import static dev.concbench.regress.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.regress.Fixtures;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The gate as CI calls it: real directories on disk, the real command line, exit codes and output. */
@Timeout(20)
class CompareCommandTest {

    private static final EnvInfo HERE = env(2, "Eclipse Adoptium 25.0.1+8-LTS");

    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome compare(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of("compare"));
            all.addAll(List.of(args));
            int code = new Main(Main.contract()).execute(all.toArray(String[]::new));
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path run(String name, RunSummary summary, EnvInfo env) throws Exception {
        return write(tmp.resolve(name), summary, env);
    }

    @Test
    void aSlowdownExitsOneAndWritesTheTableMarkdownAndJson() throws Exception {
        Path base = run("base", baseline(), HERE);
        Path slow = run("slow", scaled(baseline(), only("eventloop", "handoff"), 1.31), HERE);

        // no scenario thresholds: the default 20% applies, whatever the shipped scenario files say
        Path noScenarios = Files.createDirectories(tmp.resolve("no-scenarios"));
        Outcome o = compare("--baseline", base.toString(), "--current", slow.toString(), "--scenarios",
                noScenarios.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertEquals("", o.err());
        String regressedLine = o.out().lines().filter(l -> l.startsWith("regressed")).findFirst().orElseThrow();
        assertTrue(regressedLine.contains("eventloop") && regressedLine.contains("1.31x ± 0.04 slower"), regressedLine);
        assertTrue(o.out().contains("compare: REGRESSION: 1 regressed"), o.out());

        Path md = slow.resolve("compare").resolve("compare.md");
        assertTrue(Files.readString(md).startsWith("## concbench compare: REGRESSION"), Files.readString(md));
        JsonNode json = ResultsDir.json().readTree(slow.resolve("compare").resolve("compare.json").toFile());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals(1, json.get("counts").get("regressed").asInt());
        JsonNode row = json.get("rows").get(0);
        assertEquals("regressed", row.get("status").asText());
        assertEquals(1.31, row.get("ratio").asDouble(), 1e-9);
    }

    @Test
    void aSpeedUpIsImprovedAndExitsZeroAndOutGoesWhereAsked() throws Exception {
        Path base = run("base", baseline(), HERE);
        Path fast = run("fast", scaled(baseline(), only("eventloop", "handoff"), 0.7), HERE);
        Path out = tmp.resolve("pages");

        Outcome o = compare("--baseline", base.toString(), "--current", fast.toString(), "--mode", "ratios",
                "--out", out.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("improved") && l.contains("faster (vs virtual)")),
                o.out());
        assertTrue(Files.isRegularFile(out.resolve("compare.md")));
        assertTrue(Files.isRegularFile(out.resolve("compare.json")));
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws Exception {
        Path good = run("good", baseline(), HERE);
        Path empty = run("empty", Fixtures.summary("smoke", List.of()), HERE);
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve("summary.json"), "{\"format\":\"concbench-results/0\",\"rows\":[]}");
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        String shipped = Files.readString(Path.of("scenarios", "context-switch.yaml"));
        Files.writeString(scenarios.resolve("context-switch.yaml"),
                shipped.replaceAll("(?m)^thresholds:.*$", "thresholds: {handoff: wide}"));

        List<List<String>> cases = List.of(
                List.of("--baseline", tmp.resolve("nope").toString(), "--current", good.toString()),
                List.of("--baseline", good.toString(), "--current", foreign.toString()),
                List.of("--baseline", good.toString(), "--current", empty.toString()),
                List.of("--baseline", old.toString(), "--current", good.toString()),
                List.of("--baseline", good.toString()),
                List.of("--baseline", good.toString(), "--current", good.toString(), "--mode", "relative"),
                List.of("--baseline", good.toString(), "--current", good.toString(), "--threshold", "-1"),
                List.of("--baseline", good.toString(), "--current", good.toString(), "--threshold", "x"),
                List.of("--baseline", good.toString(), "--current", good.toString(), "--scenarios", scenarios.toString()));
        List<String> expected = List.of("no such results directory", "not a concbench results directory",
                "holds no result rows", "is not supported", "--current DIR is required", "--mode",
                "--threshold", "--threshold", "context-switch.yaml:");
        for (int i = 0; i < cases.size(); i++) {
            Outcome o = compare(cases.get(i).toArray(String[]::new));
            assertEquals(2, o.code(), cases.get(i) + ": " + o.out() + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().contains(expected.get(i)), expected.get(i) + " in " + o.err());
            assertEquals("", o.out());
        }
    }

    @Test
    void runsFromDifferentEnvironmentsAreRefusedUnlessAllowedAndThenSaidSo() throws Exception {
        Path base = run("base", baseline(), HERE);
        Path otherMachine = run("other", baseline(), env(4, "Eclipse Adoptium 21.0.5+11-LTS"));
        Path noEnv = run("noenv", baseline(), null);

        Outcome refused = compare("--baseline", base.toString(), "--current", otherMachine.toString());
        assertEquals(2, refused.code());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("cores: 2 (baseline) vs 4 (current)"), refused.err());
        assertTrue(refused.err().contains("JDK: 25 (baseline) vs 21 (current)"), refused.err());
        assertTrue(refused.err().contains("--allow-env-mismatch"), refused.err());

        assertEquals(2, compare("--baseline", base.toString(), "--current", noEnv.toString()).code());

        Outcome allowed = compare("--baseline", base.toString(), "--current", otherMachine.toString(),
                "--allow-env-mismatch");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("NOTE: environment differs, compared anyway as asked: cores"),
                allowed.out());
        assertTrue(Files.readString(otherMachine.resolve("compare").resolve("compare.md"))
                .contains("environment differs"));
    }

    @Test
    void aDifferentProfileIsRefused() throws Exception {
        Path base = run("base", baseline(), HERE);
        RunSummary b = baseline();
        Path quick = run("quick", new RunSummary(b.format(), "20261123-231500-quick", "quick", true, List.of(),
                b.rows()), HERE);
        Outcome o = compare("--baseline", base.toString(), "--current", quick.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("profile: smoke (baseline) vs quick (current)"), o.err());
    }

    @Test
    void rowsWithRawSamplesFromSeveralForksAreJudgedOnThem() throws Exception {
        var before = dev.concbench.regress.SampleRows.row(List.of(List.of(200.0, 201.0, 199.0, 200.0),
                List.of(202.0, 203.0, 201.0, 202.0), List.of(198.0, 199.0, 200.0, 199.0)));
        var after = dev.concbench.regress.SampleRows.row(List.of(List.of(260.0, 262.0, 259.0, 261.0),
                List.of(263.0, 264.0, 262.0, 261.0), List.of(258.0, 259.0, 260.0, 262.0)));
        Path base = run("base", Fixtures.summary("gate", List.of(before)), HERE);
        Path slow = run("slow", Fixtures.summary("gate", List.of(after)), HERE);
        Outcome o = compare("--baseline", base.toString(), "--current", slow.toString(), "--threshold", "0.05");
        assertEquals(1, o.code(), o.out() + o.err());
        String line = o.out().lines().filter(l -> l.startsWith("regressed")).findFirst().orElseThrow();
        assertTrue(line.contains("x slower (ratio 1.3") && line.contains("99% interval"), line);
        assertTrue(line.contains(">= "), "the row's detectable effect: " + line);
        JsonNode row = ResultsDir.json().readTree(slow.resolve("compare").resolve("compare.json").toFile())
                .get("rows").get(0);
        assertTrue(row.get("statistic").asText().startsWith("bootstrap of lower deciles, 3+3 forks"), row.toString());
    }
}
