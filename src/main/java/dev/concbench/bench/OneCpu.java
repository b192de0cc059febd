package dev.concbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Confines this whole JVM to one CPU and checks that it stayed there: {@code taskset -a -p -c CPU
 * PID} sets the affinity (sched_setaffinity) of every thread the process has, and every thread
 * started afterwards inherits it from the thread that starts it. The check reads each thread's
 * {@code Cpus_allowed_list} in {@code /proc/self/task/<tid>/status}: an affinity the kernel does
 * not report is not trusted. ({@code -XX:ActiveProcessorCount=1} is not this: it changes what the
 * JVM believes, not where the kernel runs its threads.)
 *
 * <p>Called from the benchmark thread in a trial's set-up and tear-down. Linux only; where {@code
 * taskset} is missing or fails, nothing is pinned and {@link #unpinnedThreads} says so.
 */
final class OneCpu {

    private static final Path SELF = Path.of("/proc/self/status");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String ALLOWED = "Cpus_allowed_list:";

    private final String cpu;
    private final String original;

    private OneCpu(String cpu, String original) {
        this.cpu = cpu;
        this.original = original;
    }

    /**
     * Pins every thread of this JVM to the first CPU it may run on now.
     *
     * @return the pinning, to check and to undo; {@link #unpinnedThreads} tells whether it took
     */
    static OneCpu pin() {
        String original = allowedList(SELF).orElse("");
        String first = original.split("[,-]")[0].strip();
        OneCpu pinning = new OneCpu(first, original);
        if (!first.isEmpty()) {
            taskset(first);
        }
        return pinning;
    }

    /** The CPU the JVM was pinned to, as the kernel numbers it. */
    String cpu() {
        return cpu;
    }

    /**
     * How many of this JVM's threads the kernel allows on any CPU but {@link #cpu} (0 when the
     * whole process runs on that one CPU); every thread counts when the affinity cannot be read.
     */
    long unpinnedThreads() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            List<Path> all = tasks.toList();
            return all.stream()
                    .filter(t -> Files.exists(t.resolve("status"))) // a thread may exit meanwhile
                    .filter(t -> !allowedList(t.resolve("status")).map(cpu::equals).orElse(false))
                    .count();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Gives every thread of this JVM back the CPUs the JVM had before {@link #pin}. */
    void restore() {
        if (!original.isEmpty()) {
            taskset(original);
        }
    }

    /** A status file's {@code Cpus_allowed_list}, e.g. {@code 0-1}, if it can be read. */
    static Optional<String> allowedList(Path status) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith(ALLOWED))
                    .map(l -> l.substring(ALLOWED.length()).strip())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // the thread exited, or no /proc: nothing known
        }
    }

    private static void taskset(String cpus) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no taskset: the threads stay where they were, and unpinnedThreads() counts them
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
