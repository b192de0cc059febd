package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Comparison;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ab}: bad input before anything runs, and one real interleaved run with real JMH forks. */
class AbCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path tmp;

    private int ab(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "ab";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(Main.contract()).execute(all);
    }

    private void assertOneLine(int code, String... parts) {
        String err = console.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' not in: " + err);
        }
    }

    @Test
    @Timeout(60)
    void badInputIsOneLineExitTwoAndCreatesNothing() throws Exception {
        Path notConcbench = tmp.resolve("other.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notConcbench))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
        }
        Path text = Files.writeString(tmp.resolve("text.jar"), "not a jar");
        List<List<String>> cases = List.of(
                List.of("--trials", "0"),
                List.of("--threshold", "-1"),
                List.of("--profile", "huge"),
                List.of("--a-ref", "HEAD", "--a-jar", notConcbench.toString()),
                List.of("--b-jar", notConcbench.toString()),
                List.of("--b-jar", text.toString()),
                List.of("--a-jar", tmp.resolve("missing.jar").toString()),
                List.of("--a-ref", "no-such-ref-anywhere"),
                List.of("--b-jvm-arg", "-XX:+NoSuchFlagAnywhere"),
                List.of("--scenario", "nope"),
                List.of("--no-python", "--profile", "huge"),
                List.of("--network", "moon"),
                List.of("--network", "wan", "--target", "127.0.0.1:9"),
                List.of("--target", "127.0.0.1:1"));
        List<String> expected = List.of("--trials", "--threshold", "--profile", "not both",
                "--b-jar", "--b-jar", "no such file", "--a-ref: 'no-such-ref-anywhere' is not a commit",
                "--b-jvm-arg", "--scenario", "ab: --profile", "--network: unknown network profile 'moon'",
                "exclude each other", "--target 127.0.0.1:1:");
        for (int i = 0; i < cases.size(); i++) {
            Path out = tmp.resolve("out-" + i);
            List<String> args = new java.util.ArrayList<>(cases.get(i));
            args.addAll(List.of("--out", out.toString()));
            console.clear();
            assertEquals(2, ab(args.toArray(String[]::new)), cases.get(i) + ": " + console.stderr());
            assertOneLine(2, expected.get(i));
            assertFalse(Files.exists(out), "nothing is written on bad input: " + cases.get(i));
        }
    }

    @Test
    @Timeout(300)
    void aCoroutinesForkGetsTheContinuationsFlagOnBothSides() throws Exception {
        // the flag every fork needs comes from one owner (run.BenchRun.forkArgs): ab's forks once lacked it
        Path out = tmp.resolve("ab-coroutines");
        int code = ab("--profile", "smoke", "--scenario", "determinism", "--model", "coroutines", "--out", out.toString());
        assertEquals(0, code, console.stdout() + console.stderr());
        for (String side : List.of("A", "B")) {
            assertTrue(!ResultsDir.open(out.resolve(side)).readSummary().rows().isEmpty(), side + " measured nothing");
        }
    }

    @Test
    @Timeout(600)
    void anInjectedLoopSlowdownOnSideBIsARegressionOfTheLoopsHandoff() throws Exception {
        Path out = tmp.resolve("ab");
        // 20 us before every ready callback against a hand-off of well under 10 us: many times slower
        int code = ab("--scenario", "context-switch", "--model", "eventloop", "--b-jvm-arg",
                "-Dconcbench.inject.loopSpinNanos=20000", "--out", out.toString());
        assertEquals(1, code, console.stdout() + console.stderr());

        List<String> order = console.stderr().lines().filter(l -> l.startsWith("ab: [1/1]"))
                .map(l -> l.substring(l.lastIndexOf('(') + 1, l.lastIndexOf(')'))).toList();
        assertTrue(order.size() >= 6 && order.size() % 2 == 0, order.toString());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(List.of("A", "B", "B", "A").get(i % 4), order.get(i), "forks interleave A, B, B, A: " + order);
        }

        for (String side : List.of("A", "B")) {
            ResultRow row = ResultsDir.open(out.resolve(side)).readSummary().rows().getFirst();
            assertEquals(order.size() / 2, row.perFork().size(), side + ": every fork's samples are kept");
            assertTrue(row.perFork().stream().allMatch(f -> f.size() == row.perFork().getFirst().size() && f.size() > 1),
                    side + ": " + row.perFork());
        }
        Comparison c = ResultsDir.json().readValue(out.resolve(ResultsDir.COMPARE_JSON).toFile(), Comparison.class);
        RowComparison loop = c.rows().stream().filter(r -> r.model().equals("eventloop") && r.metric().equals("handoff"))
                .findFirst().orElseThrow();
        assertEquals(Status.REGRESSED, loop.status(), loop.change());
        assertTrue(loop.failsGate());
        assertTrue(loop.statistic().startsWith("bootstrap of lower deciles, " + order.size() / 2 + "+"), loop.statistic());
        String md = Files.readString(out.resolve(ResultsDir.COMPARE_MD));
        assertTrue(md.contains("detectable") && md.contains(">= "), md);

        // the same --out again: refused, the earlier results untouched
        byte[] before = Files.readAllBytes(out.resolve("A").resolve(ResultsDir.SUMMARY));
        console.clear();
        assertEquals(2, ab("--scenario", "context-switch", "--model", "eventloop", "--out", out.toString()));
        assertOneLine(2, "--out", "not empty");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("A").resolve(ResultsDir.SUMMARY))));
    }
}
