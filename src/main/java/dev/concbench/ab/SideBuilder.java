package dev.concbench.ab;

import dev.concbench.run.ForkSide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Makes the {@link ForkSide}s of an A/B comparison: this build, a jar, or a git commit built once
 * in a temporary worktree (the jar is kept under {@code target/ab-builds/<commit>/}, so a second
 * comparison against the same commit does not build it again).
 *
 * <p>Runs {@code git} and {@code mvn} as child processes; one thread at a time.
 */
public final class SideBuilder {

    /** What every concbench jar holds: the command line and JMH's list of benchmarks. */
    private static final List<String> CONCBENCH_ENTRIES =
            List.of("dev/concbench/cli/Main.class", "META-INF/BenchmarkList");
    private static final long BUILD_MINUTES = 15;

    private final Path checkout;
    private final Path java;

    /**
     * @param checkout the git checkout refs are resolved in (concbench's project directory)
     */
    public SideBuilder(Path checkout) {
        this.checkout = checkout;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** This build: the forks run this process's own class path. */
    public ForkSide current(String name, List<String> jvmArgs) throws SideException {
        checkJvmArgs(name, jvmArgs);
        return new ForkSide(name, null, jvmArgs, "this build");
    }

    /**
     * A jar.
     *
     * @throws SideException when it is missing or is not a concbench jar, or the JVM refuses {@code jvmArgs}
     */
    public ForkSide jar(String name, Path jar, List<String> jvmArgs) throws SideException {
        if (!Files.isRegularFile(jar)) {
            throw new SideException(jar + ": no such file", false);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String entry : CONCBENCH_ENTRIES) {
                if (zip.getEntry(entry) == null) {
                    throw new SideException(jar + ": not a concbench jar (no " + entry + ")", false);
                }
            }
        } catch (IOException e) {
            throw new SideException(jar + ": not a jar (" + e.getMessage() + ")", false);
        }
        checkJvmArgs(name, jvmArgs);
        return new ForkSide(name, jar.toAbsolutePath().toString(), jvmArgs, jar.toString());
    }

    /**
     * A commit: resolved in the checkout, built with Maven in a temporary worktree (tests skipped)
     * unless a jar of it is kept from an earlier comparison.
     *
     * @throws SideException bad input for a ref git does not know; a failed build otherwise
     */
    public ForkSide ref(String name, String ref, List<String> jvmArgs, java.io.PrintStream log) throws SideException {
        checkJvmArgs(name, jvmArgs);
        Result parsed = exec(List.of("git", "-C", checkout.toString(), "rev-parse", "--verify", "--quiet",
                ref + "^{commit}"), checkout);
        if (parsed.code() != 0) {
            throw new SideException("'" + ref + "' is not a commit of " + checkout, false);
        }
        String commit = parsed.output().strip();
        String shortId = commit.substring(0, Math.min(10, commit.length()));
        Path kept = checkout.resolve("target").resolve("ab-builds").resolve(commit).resolve("concbench.jar");
        if (!Files.isRegularFile(kept)) {
            build(commit, kept, log);
        }
        ForkSide side = jar(name, kept, jvmArgs);
        return new ForkSide(name, side.classpath(), jvmArgs, ref + " (" + shortId + ")");
    }

    private void build(String commit, Path kept, java.io.PrintStream log) throws SideException {
        Path tree;
        try {
            tree = Files.createTempDirectory("concbench-ab-");
            Files.delete(tree);
        } catch (IOException e) {
            throw new SideException("cannot make a temporary directory: " + e.getMessage(), true);
        }
        log.println("ab: building " + commit.substring(0, 10) + " in " + tree + " (once; kept in " + kept.getParent() + ")");
        try {
            Result add = exec(List.of("git", "-C", checkout.toString(), "worktree", "add", "--detach", tree.toString(),
                    commit), checkout);
            if (add.code() != 0) {
                throw new SideException("git worktree add " + commit + " failed: " + lastLine(add.output()), true);
            }
            Result mvn = exec(List.of("mvn", "-B", "-q", "-ntp", "-Dmaven.test.skip=true", "package"), tree);
            Path jar = tree.resolve("target").resolve("concbench.jar");
            if (mvn.code() != 0 || !Files.isRegularFile(jar)) {
                throw new SideException("commit " + commit.substring(0, 10) + " does not build: "
                        + lastLine(mvn.output()), true);
            }
            Files.createDirectories(kept.getParent());
            Files.copy(jar, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SideException("building " + commit + ": " + e.getMessage(), true);
        } finally {
            exec(List.of("git", "-C", checkout.toString(), "worktree", "remove", "--force", tree.toString()), checkout);
        }
    }

    /** Starts a JVM with {@code jvmArgs} (and {@code -version}), so a refused argument fails before any benchmark. */
    private void checkJvmArgs(String name, List<String> jvmArgs) throws SideException {
        if (jvmArgs.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmArgs);
        command.add("-version");
        Result r = exec(command, checkout);
        if (r.code() != 0) {
            throw new SideException("side " + name + ": the JVM refuses " + String.join(" ", jvmArgs) + ": "
                    + r.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + r.code()), false);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result exec(List<String> command, Path dir) throws SideException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new SideException(command.getFirst() + " did not finish in " + BUILD_MINUTES + " minutes", true);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SideException("cannot run " + command.getFirst() + ": " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SideException(command.getFirst() + " was interrupted", true);
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("[ERROR]") || l.startsWith("fatal:")).toList();
        return errors.isEmpty() ? (lines.isEmpty() ? "no output" : lines.getLast()) : errors.getFirst();
    }
}
