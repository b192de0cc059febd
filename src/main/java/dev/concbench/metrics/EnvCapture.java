package dev.concbench.metrics;

import dev.concbench.results.EnvInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Captures the environment a run comes from into an {@link EnvInfo}: JDK, OS, kernel, CPU, memory,
 * the limits that bound the models ({@code /proc/self/limits}, {@code pid_max}, {@code threads-max})
 * and the git commit. Linux only for the {@code /proc} parts; a value that cannot be read is
 * {@code "unknown"} (or -1 for numbers), never guessed.
 */
public final class EnvCapture {

    private static final String UNKNOWN = "unknown";

    private EnvCapture() {}

    /**
     * The environment of this JVM now.
     *
     * @param jvmFlags    the flags benchmark forks run with
     * @param projectDir  the concbench checkout, for the git commit
     * @param profile     the profile that runs
     * @param command     the command line, as the user typed it
     * @param start       when the run started
     */
    public static EnvInfo capture(List<String> jvmFlags, Path projectDir, String profile, String command, Instant start) {
        Map<String, String> limits = new LinkedHashMap<>();
        List<String> limitLines = readLines(Path.of("/proc/self/limits"));
        limits.put("nofile", limit(limitLines, "Max open files"));
        limits.put("nproc", limit(limitLines, "Max processes"));
        limits.put("stack", limit(limitLines, "Max stack size"));
        return new EnvInfo(
                System.getProperty("java.vendor") + " " + Runtime.version(),
                System.getProperty("java.home"),
                List.copyOf(jvmFlags),
                System.getProperty("os.name") + " (" + osRelease() + ")",
                firstLine(Path.of("/proc/sys/kernel/osrelease")),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memTotalBytes(),
                limits,
                number(firstLine(Path.of("/proc/sys/kernel/pid_max"))),
                number(firstLine(Path.of("/proc/sys/kernel/threads-max"))),
                gitCommit(projectDir),
                profile,
                command,
                start.toString(),
                null);
    }

    /** The soft limit of a {@code /proc/self/limits} row, with its unit, e.g. {@code "8388608 bytes"}. */
    static String limit(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] cols = line.substring(name.length()).trim().split("\\s+");
                return cols.length >= 3 ? cols[0] + " " + cols[2] : cols[0];
            }
        }
        return UNKNOWN;
    }

    private static String osRelease() {
        for (String line : readLines(Path.of("/etc/os-release"))) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return System.getProperty("os.version");
    }

    private static String cpuModel() {
        for (String line : readLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return UNKNOWN;
    }

    private static long memTotalBytes() {
        List<String> lines = readLines(Path.of("/proc/meminfo"));
        try {
            return ProcStatus.field(lines, "MemTotal:") * 1024;
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static String gitCommit(Path dir) {
        String out = git(dir, "rev-parse", "HEAD");
        return out.matches("[0-9a-f]{40}") ? out : UNKNOWN;
    }

    /** The checked-out branch of the git work tree at {@code dir}, or {@code "unknown"} (not a work tree, a detached HEAD). */
    public static String gitBranch(Path dir) {
        String out = git(dir, "rev-parse", "--abbrev-ref", "HEAD");
        return out.isEmpty() || out.equals("HEAD") || out.contains("\n") ? UNKNOWN : out;
    }

    /** This machine's host name, or {@code "unknown"}. */
    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? UNKNOWN : env;
        }
    }

    /** What {@code git -C dir ARGS} printed, trimmed, or "" when it failed or took over 5 s. */
    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstLine(Path p) {
        List<String> lines = readLines(p);
        return lines.isEmpty() ? UNKNOWN : lines.get(0).trim();
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
