package dev.concbench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child concbench JVM that a test will interrupt with a signal. */
final class ChildRun {

    private ChildRun() {
    }

    /**
     * {@code java ... dev.concbench.cli.Main} with {@code scenarios} as its scenario directory, started
     * through {@code env --default-signal=INT}: a shell without job control starts its background jobs
     * with SIGINT ignored, the JVM keeps an ignored SIGINT ignored, and the test's {@code kill -INT}
     * would then test nothing. A user's Ctrl-C reaches a foreground run with the default disposition,
     * which this restores.
     */
    static List<String> command(Path scenarios) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java));
        command.addAll(dev.concbench.loop.Coroutine.JVM_FLAGS);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dconcbench.scenarios=" + scenarios, "dev.concbench.cli.Main"));
        return command;
    }
}
