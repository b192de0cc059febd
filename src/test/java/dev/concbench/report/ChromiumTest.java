package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report loads in a real headless Chromium from disk, offline, with every image present and
 * no console message. The page's own inline script marks {@code <body>} with how many images it
 * has and how many failed once the page has loaded; {@code --dump-dom} prints that DOM, and
 * Chromium's stderr log ({@code --enable-logging=stderr}) carries every console message as a
 * {@code :CONSOLE} line.
 *
 * <p>With {@code CI=true} the test must run: a missing Chromium fails it. Elsewhere it is skipped,
 * loudly, when no {@code chromium} is on the PATH.
 */
@Timeout(60)
class ChromiumTest {

    private static final Pattern BODY = Pattern.compile("<body[^>]*\\bdata-images=\"(\\d+)\"[^>]*"
            + "\\bdata-images-broken=\"(\\d+)\"[^>]*\\bdata-images-ok=\"(true|false)\"");
    private static Path chromium;
    /** One report, built once: the negative tests work on copies of it. */
    private static Path report;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** What Chromium made of one page. */
    private record Load(int images, int broken, boolean ok, List<String> console, String dom) {
    }

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
        if (chromium == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no chromium on the PATH: .ci/run installs it (apt-get install -y chromium)");
            }
            System.err.println("*** ChromiumTest SKIPPED: no chromium on the PATH; the report's browser check did"
                    + " not run (install Debian's chromium to run it) ***");
            Assumptions.abort("no chromium on the PATH");
        }
    }

    @BeforeAll
    static void writeReport() throws Exception {
        Path results = Fixtures.copy(FixtureRuns.COMPLETE, shared);
        report = ReporterTest.report(results, shared.resolve("reports").resolve(results.getFileName()));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Load load(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path dom = tmp.resolve("dom-" + System.nanoTime() + ".html");
        Path log = tmp.resolve("stderr-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(45, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("chromium did not finish loading " + page + " within 45 s");
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        Matcher m = BODY.matcher(html);
        if (!m.find()) {
            fail("the page's load script did not mark <body> (exit " + p.exitValue() + "): "
                    + html.substring(0, Math.min(300, html.length())) + " / console: " + console);
        }
        return new Load(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Boolean.parseBoolean(m.group(3)),
                console, html);
    }

    /** A copy of the report's directory that a test may break. */
    private Path reportCopy() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("report-copy"));
        try (var files = Files.list(report.getParent())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir.resolve(report.getFileName());
    }

    private static long imgTags(Path page) throws IOException {
        return Pattern.compile("<img ").matcher(Files.readString(page)).results().count();
    }

    @Test
    void reportLoadsFromDiskWithEveryImageAndNoConsoleMessage() throws Exception {
        Path page = report;
        Load load = load(page);
        assertEquals(imgTags(page), load.images(), "every chart of the page is an image the browser saw");
        assertTrue(load.images() >= 12, "charts on the page: " + load.images());
        assertEquals(0, load.broken(), "images that failed to load");
        assertTrue(load.ok());
        assertEquals(List.of(), load.console(), "console messages");
        assertTrue(load.dom().contains("The seed's table, on this machine"));
    }

    @Test
    void aMissingChartIsCaughtSoTheCheckCanFail() throws Exception {
        Path page = reportCopy();
        Files.delete(page.resolveSibling("memory-per-unit.png"));
        Load load = load(page);
        assertEquals(1, load.broken());
        assertTrue(!load.ok());
    }

    @Test
    void aConsoleErrorIsCaughtSoTheCheckCanFail() throws Exception {
        Path page = reportCopy();
        String html = Files.readString(page).replace("</main>", "</main><script>notDefinedAnywhere();</script>");
        Files.writeString(page, html);
        Load load = load(page);
        assertEquals(1, load.console().size(), load.console().toString());
        assertTrue(load.console().getFirst().contains("notDefinedAnywhere"));
    }
}
