package dev.concbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts JMH forks with environment variables of their own. JMH launches a fork as a child of the
 * run and passes the run's environment on unchanged; its {@code jvm} option names the program to
 * launch. So a fork that needs, say, {@code GLIBC_TUNABLES} (read by glibc when the process
 * starts: no JVM flag or system property can set it) is launched through a small shell script
 * that exports the variables and then {@code exec}s this run's own {@code java} with JMH's
 * arguments, unchanged. One script per distinct environment, written once into a temporary
 * directory and deleted when the run's JVM exits.
 *
 * <p>Called from the run's thread.
 */
final class ForkLauncher {

    private static final Map<Map<String, String>, Path> SCRIPTS = new HashMap<>();

    private ForkLauncher() {
    }

    /**
     * The program JMH should launch as the JVM of a fork that needs {@code env}.
     *
     * @param env variables to export, e.g. {@code GLIBC_TUNABLES=glibc.pthread.stack_cache_size=0}; not empty
     * @return the path of an executable script that sets them and runs this JVM's {@code java}
     */
    static synchronized Path jvmWith(Map<String, String> env) {
        return SCRIPTS.computeIfAbsent(Map.copyOf(env), ForkLauncher::write);
    }

    /** The script's text: export each variable, then replace the shell by {@code java} with the same arguments. */
    static String script(Map<String, String> env, Path java) {
        StringBuilder b = new StringBuilder("#!/bin/sh\n# concbench: a JMH fork with its own environment\n");
        new java.util.TreeMap<>(env).forEach((k, v) -> {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: '" + k + "'");
            }
            b.append("export ").append(k).append('=').append(quote(v)).append('\n');
        });
        return b.append("exec ").append(quote(java.toString())).append(" \"$@\"\n").toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Path write(Map<String, String> env) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Path dir = Files.createTempDirectory("concbench-fork");
            Path script = dir.resolve("java");
            Files.writeString(script, script(env, java));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            // deleteOnExit deletes in reverse order of registration: the script first, then its (then empty) directory
            dir.toFile().deleteOnExit();
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fork launcher script", e);
        }
    }
}
