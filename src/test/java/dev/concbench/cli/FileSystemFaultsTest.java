package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ResultsDir;
import dev.concbench.run.BenchRun;
import dev.concbench.run.Planner;
import dev.concbench.scenario.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * File systems that fail the tool, made real with small mounts (as root). A full disk (a small
 * tmpfs) is the user's problem, told in one line: full before the work starts is a bad --out
 * (exit 2, nothing done); full part-way is exit 3 with every file written so far whole (atomic
 * writes: a chart or none, never a truncated SVG) and no temp files. Reading a results folder never
 * changes it: report of a read-only one (a read-only bind mount, so not even root may write) works.
 */
class FileSystemFaultsTest {

    @TempDir
    Path tmp;

    private final TestMounts mounts = new TestMounts();

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    @Test
    @Timeout(120)
    void aFullDiskBeforeTheWorkIsABadOutExitTwo() throws Exception {
        Path fs = mounts.tmpfs(Files.createDirectories(tmp.resolve("fs")), 256);
        fill(fs);
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        for (String[] args : List.of(
                new String[] {"report", results.toString(), "--out", fs.resolve("rep").toString()},
                new String[] {"run", "--profile", "smoke", "--out", fs.resolve("results").toString()})) {
            CliProcess.Result r = CliProcess.run(tmp, Map.of(), Duration.ofSeconds(90), args);
            assertEquals(2, r.exit(), r.describe());
            assertEquals(1, r.stderrLines().size(), r.describe());
            assertTrue(r.stderr().contains("No space left on device"), r.describe());
            assertFalse(r.stderr().contains("Exception"), r.describe());
        }
        try (Stream<Path> left = Files.list(fs)) {
            assertEquals(List.of(fs.resolve("filler")), left.toList(), "nothing written, no folder made");
        }
    }

    @Test
    @Timeout(180)
    void aDiskThatFillsDuringTheReportIsExitThreeWithWholeFilesOnly() throws Exception {
        // the fixture's report is about 8 MiB (SVGs); 3 MiB fills part-way through the charts
        Path fs = mounts.tmpfs(Files.createDirectories(tmp.resolve("fs")), 3 * 1024);
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Path out = fs.resolve("rep");
        CliProcess.Result r = CliProcess.run(tmp, Map.of(), Duration.ofSeconds(150), "report", results.toString(),
                "--out", out.toString());
        assertEquals(3, r.exit(), r.describe());
        assertEquals(1, r.stderrLines().size(), r.describe());
        assertTrue(r.stderr().contains("No space left on device"), r.describe());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.describe());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.toList();
        }
        assertFalse(files.isEmpty(), "some charts fitted before the disk filled");
        for (Path f : files) {
            String name = f.getFileName().toString();
            assertFalse(name.endsWith(".tmp"), "a temp file was left: " + name);
            if (name.endsWith(".png")) {
                assertNotNull(ImageIO.read(f.toFile()), "a whole PNG: " + name);
            } else if (name.endsWith(".svg")) {
                assertTrue(Files.readString(f).stripTrailing().endsWith("</svg>"), "a whole SVG: " + name);
            } else if (name.endsWith(".html")) {
                assertTrue(Files.readString(f).stripTrailing().endsWith("</html>"), "a whole page: " + name);
            }
        }
    }

    @Test
    @Timeout(60)
    void aRunWhoseDiskIsFullStopsFailedWithNoHalfWrittenFile() throws Exception {
        Path fs = mounts.tmpfs(Files.createDirectories(tmp.resolve("fs")), 256);
        fill(fs);
        BenchRun run = new BenchRun(fs, Profile.SMOKE, new Planner.Plan(List.of(), List.of("x/y: placeholder")),
                "run", Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()), false);
        IOException e = assertThrows(IOException.class, run::run);
        assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"), String.valueOf(e));
        assertEquals(BenchRun.State.FAILED, run.state());
        try (Stream<Path> all = Files.walk(fs)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
        try (Stream<Path> all = Files.walk(fs)) {
            assertTrue(all.filter(Files::isRegularFile).allMatch(p -> p.getFileName().toString().equals("filler")),
                    "no half-written results file");
        }
        assertFalse(Files.exists(fs.resolve(ResultsDir.SUMMARY)));
    }

    @Test
    @Timeout(180)
    void reportOfAReadOnlyResultsFolderWorksAndChangesNothing() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, tmp);
        Map<String, String> before = contents(results);
        mounts.readOnly(results);
        Path out = tmp.resolve("report");
        CliProcess.Result r = CliProcess.run(tmp, Map.of(), Duration.ofSeconds(150), "report", results.toString(),
                "--out", out.toString());
        assertTrue(r.exit() == 0 || r.exit() == 1, r.describe());
        assertTrue(Files.isRegularFile(out.resolve("index.html")), r.describe());
        assertEquals(before, contents(results), "the results folder is exactly as it was");
    }

    /** Every file under {@code dir} and a digest of its bytes. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return files;
    }

    /** Writes into {@code fs} until it is full. */
    private static void fill(Path fs) throws IOException {
        try (OutputStream out = Files.newOutputStream(fs.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }
}
