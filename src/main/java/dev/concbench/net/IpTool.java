package dev.concbench.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip} and {@code tc} and says, before anything runs, what a namespace
 * needs that this machine lacks. Thread-safe (no state).
 */
final class IpTool {

    /** How long one {@code ip}/{@code tc} call may take. */
    private static final long TIMEOUT_SECONDS = 15;
    /** CAP_NET_ADMIN's bit in /proc/self/status's CapEff. */
    private static final int CAP_NET_ADMIN = 12;

    private IpTool() {
    }

    /**
     * What this process lacks to create namespaces, veth pairs and netem qdiscs: empty when nothing.
     * e.g. {@code "iproute2's tc (apt-get install iproute2)"} or {@code "root or CAP_NET_ADMIN"}.
     */
    static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("ip", "tc")) {
            if (which(tool).isEmpty()) {
                missing.add("iproute2's " + tool);
            }
        }
        if (!hasNetAdmin()) {
            missing.add("root or CAP_NET_ADMIN (running as uid " + uid() + ")");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String what = String.join(" and ", missing);
        return Optional.of(what + (what.contains("iproute2") ? " (apt-get install iproute2)" : ""));
    }

    /** Runs {@code command}; its stdout, or a NetworkException with its first error line. */
    static String run(List<String> command) throws NetworkException {
        Result r = attempt(command);
        if (r.exit != 0) {
            throw new NetworkException(String.join(" ", command) + " failed: " + firstLine(r.err));
        }
        return r.out;
    }

    /** Runs {@code command}, whatever it says: for removing what may already be gone. */
    static boolean tryRun(List<String> command) {
        try {
            return attempt(command).exit == 0;
        } catch (NetworkException e) {
            return false;
        }
    }

    /** Runs {@code command}; its stdout, or empty text when it fails. */
    static String tryOutput(List<String> command) {
        try {
            Result r = attempt(command);
            return r.exit == 0 ? r.out : "";
        } catch (NetworkException e) {
            return "";
        }
    }

    private record Result(int exit, String out, String err) {}

    private static Result attempt(List<String> command) throws NetworkException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new NetworkException(command.getFirst() + " could not be started: " + e.getMessage());
        }
        try {
            // the outputs are small (a few lines); read them after the exit, within the timeout
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NetworkException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), read(p.getInputStream()), read(p.getErrorStream()));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NetworkException(String.join(" ", command) + " was interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(no message)");
    }

    private static Optional<Path> which(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }

    /** Whether this process's effective capabilities include CAP_NET_ADMIN (root has it, unless dropped). */
    static boolean hasNetAdmin() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    return (caps & (1L << CAP_NET_ADMIN)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc (not Linux): namespaces are Linux-only anyway
        }
        return false;
    }

    private static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
