package dev.concbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line run as a real child process ({@code java -cp <test classpath> Main ARGS}), the
 * way a user meets it: its exit code and what it printed. As root the child runs without
 * CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH ({@code setpriv}), so file permissions (an unreadable
 * folder, a read-only one) apply to it as they would to any user, and without CAP_NET_ADMIN, so
 * {@code run --network} meets the missing privilege as any user would.
 */
final class CliProcess {

    /** What a finished child left. */
    record Result(int exit, String stdout, String stderr) {

        /** The non-blank lines of stderr. */
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** For assertion messages. */
        String describe() {
            return "exit " + exit + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + stdout;
        }
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private CliProcess() {
    }

    /** Whether the children run as root with the two DAC capabilities dropped. */
    static boolean dropsRootPowers() {
        return ROOT && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /**
     * Runs {@code Main args} with the given system properties, in {@code workDir}; kills it after
     * {@code timeout} (then the exit is -1).
     */
    static Result run(Path workDir, Map<String, String> properties, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (dropsRootPowers()) {
            command.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search,-net_admin"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(dev.concbench.loop.Coroutine.JVM_FLAGS);  // coroutines: the jar's manifest has them, -cp needs them
        command.add("--enable-native-access=ALL-UNNAMED");  // sqlite-jdbc (the history): likewise
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            int exit;
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                exit = -1;
            }
            return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
