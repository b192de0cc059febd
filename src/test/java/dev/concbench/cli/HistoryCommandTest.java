package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.Comparison;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history}: import results directories (idempotent), list the runs, a metric's trend with
 * its chart and CSV; a database it cannot use is one line, exit 2; a failed append after a run is
 * one line on stderr and leaves the results alone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HistoryCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int main(String... args) {
        return new Main(Main.contract()).execute(args);
    }

    private String db() {
        return "jdbc:sqlite:" + tmp.resolve("history.db");
    }

    @Test
    void importListsAndTrendsWithChartAndCsv() throws Exception {
        Path root = Fixtures.source(FixtureRuns.COMPLETE).getParent().getParent();
        List<String> dirs = List.of(FixtureRuns.COMPLETE, FixtureRuns.PARTIAL, FixtureRuns.GUARDED);
        assertEquals(0, main("history", "--db", db(), "--import",
                root.resolve(dirs.get(0)).toString(), root.resolve(dirs.get(1)).getParent().toString(),
                root.resolve(dirs.get(2)).toString()));
        assertTrue(console.stdout().contains("imported 3 runs"), console.stdout());
        assertEquals(0, main("history", "--db", db(), "--import", root.resolve(dirs.get(0)).toString()));
        assertTrue(console.stdout().contains("imported 0 runs (0 rows), 1 already stored"), console.stdout());

        assertEquals(0, main("history", "--db", db()));
        String list = console.stdout();
        for (String d : dirs) {
            assertTrue(list.contains(d.substring(d.indexOf('/') + 1)), list);
        }
        assertEquals(0, main("history", "--db", db(), "--last", "1"));
        assertTrue(console.stderr().contains("history: 1 run in"), console.stderr());

        Path out = tmp.resolve("trend");
        assertEquals(0, main("history", "--db", db(), "--scenario", "context-switch", "--metric", "handoff",
                "--out", out.toString()));
        String name = "trend-context-switch-handoff";
        for (String ext : List.of(".png", ".svg", ".csv")) {
            assertTrue(Files.size(out.resolve(name + ext)) > 0, ext);
        }
        List<String> csv = Files.readAllLines(out.resolve(name + ".csv"));
        assertTrue(csv.getFirst().startsWith("runId,started,gitCommit,model,params,value,error,unit"), csv.getFirst());
        assertTrue(csv.stream().anyMatch(l -> l.contains("platform-pool,poolSize=2,7410.0")), String.join("\n", csv));
        assertTrue(console.stdout().contains("48.2 ± 2.9 ns/op"), console.stdout());

        assertEquals(0, main("history", "--db", db(), "--scenario", "context-switch", "--model", "eventloop",
                "--metric", "handoff", "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve(name + "-eventloop.png")));
    }

    @Test
    void badDatabasesFlagsAndDirectoriesAreOneLineExitTwo() throws Exception {
        Path notes = tmp.resolve("notes.db");
        Files.writeString(notes, "not a database\n".repeat(100));
        String[][] cases = {
                {"history", "--db", "jdbc:mysql://x/y"},
                {"history", "--db", "jdbc:sqlite:" + notes},
                {"history", "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"},
                {"history", "--db", db(), "--import", tmp.resolve("nothing-here").toString()},
                {"history", "--db", db(), "--scenario", "context-switch"},
                {"history", "--db", db(), "--last", "zero"},
                {"history", "--db", db(), "--scenario", "nope", "--metric", "handoff"},
        };
        for (String[] args : cases) {
            int before = console.stderr().length();
            assertEquals(2, main(args), String.join(" ", args));
            String err = console.stderr().substring(before);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("run-bench.sh: history: "), err);
        }
        assertTrue(console.stderr().contains("--db: 'jdbc:mysql://x/y' is not a history database URL"), console.stderr());
        assertTrue(console.stderr().contains("unreachable"), console.stderr());
        assertTrue(Files.readString(notes).startsWith("not a database"), "the file is left as it was");
    }

    @Test
    void aFailedAppendIsOneLineOnStderrAndTheResultsStayAsTheyWere() throws Exception {
        Path run = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        byte[] summary = Files.readAllBytes(run.resolve("summary.json"));
        Path notes = tmp.resolve("notes.db");
        Files.writeString(notes, "not a database\n".repeat(100));
        Options options = new Options().addOption(RunHistory.option());
        var line = new DefaultParser().parse(options, new String[] {"--db", "jdbc:sqlite:" + notes});
        dev.concbench.history.StoredRun stored = dev.concbench.history.StoredRun.read(
                dev.concbench.results.ResultsDir.open(run), RunHistory.origin("run"));
        RunHistory.append("run", line, tmp, run, stored);
        String err = console.stderr();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("run: not recorded in the history (jdbc:sqlite:" + notes + ": not a SQLite database"), err);
        assertTrue(java.util.Arrays.equals(summary, Files.readAllBytes(run.resolve("summary.json"))));

        var good = new DefaultParser().parse(options, new String[] {"--db", db()});
        RunHistory.append("run", good, tmp, run, stored);
        assertTrue(console.stderr().contains("recorded in the history " + db()), console.stderr());
        assertEquals(0, main("history", "--db", db()));
        assertTrue(console.stdout().contains(" run\n") || console.stdout().contains(" run" + System.lineSeparator()),
                console.stdout());
    }

    /** A copy of the complete fixture as run {@code day} (its own id and start), handoff times scaled by {@code factor}. */
    private Path runOn(Path root, int day, double factor) throws Exception {
        ResultsDir fixture = ResultsDir.open(Fixtures.source(FixtureRuns.COMPLETE));
        RunSummary s = fixture.readSummary();
        EnvInfo env = fixture.readEnv();
        String id = "202611%02d-120000-quick".formatted(day);
        List<ResultRow> rows = s.rows().stream().map(r -> r.metric().equals("handoff")
                ? new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.value() * factor,
                        r.unit(), r.error(), r.samples(), r.better(), r.guards())
                : r).toList();
        ResultsDir dir = ResultsDir.create(root.resolve(id));
        dir.writeSummary(new RunSummary(s.format(), id, s.profile(), s.complete(), s.missing(), rows));
        dir.writeEnv(new EnvInfo(env.jdk(), env.javaHome(), env.jvmFlags(), env.os(), env.kernel(), env.arch(),
                env.cpuModel(), env.cores(), env.memoryBytes(), env.ulimits(), env.pidMax(), env.threadsMax(),
                env.gitCommit(), env.profile(), env.command(), "2026-11-%02dT12:00:00Z".formatted(day), null));
        return dir.path();
    }

    @Test
    void compareAgainstHistoryFailsOnARegressionAndNamesTheRunsUsed() throws Exception {
        Path root = tmp.resolve("results");
        double[] factors = {1.0, 1.02, 0.98, 1.01};
        for (int day = 1; day <= factors.length; day++) {
            runOn(root, day, factors[day - 1]);
        }
        assertEquals(0, main("history", "--import", root.toString(), "--db", db()));
        Path same = runOn(tmp.resolve("later"), 10, 1.0);
        assertEquals(0, main("compare", "--current", same.toString(), "--history", "3", "--db", db()));
        String md = Files.readString(same.resolve("compare/compare.md"));
        assertTrue(md.contains("Runs used (newest first): 20261104-120000-quick, 20261103-120000-quick, "
                + "20261102-120000-quick"), md);
        assertEquals(0, ResultsDir.open(same).readComparison().orElseThrow().exitCode(), "compare.json beside compare.md");
        Path slow = runOn(tmp.resolve("later"), 11, 3.0);
        assertEquals(1, main("compare", "--current", slow.toString(), "--history", "3", "--db", db()));
        assertTrue(Files.readString(slow.resolve("compare/compare.md")).contains("**REGRESSION**"));
        Comparison judged = ResultsDir.open(slow).readComparison().orElseThrow();
        assertEquals(1, judged.exitCode());
        assertTrue(judged.rows(Status.REGRESSED).stream().allMatch(r -> r.ratio() > 1 && r.statistic().contains("z =")),
                judged.rows().toString());
        int before = console.stderr().length();
        assertEquals(2, main("compare", "--current", slow.toString(), "--history", "none", "--db", db()));
        assertEquals(1, console.stderr().substring(before).lines().count());
    }
}
