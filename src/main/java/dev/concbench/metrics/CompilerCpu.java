package dev.concbench.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A process's CPU and the part of it its JIT compiler threads ({@code C1 CompilerThre...},
 * {@code C2 CompilerThre...}) used, from {@code /proc/<pid>/task/*}: the direct sign that a JVM
 * is still compiling, which a warm-up reads beside the cost per request (a cost can stay flat for
 * seconds while a C2 compilation waits for a CPU on a loaded machine).
 *
 * @param processTicks  utime + stime of the whole process, in {@value HostCpu#TICKS_PER_SECOND} Hz ticks
 * @param compilerTicks utime + stime of its compiler threads alive now, in the same ticks
 */
public record CompilerCpu(long processTicks, long compilerTicks) {

    /** Thread names HotSpot gives its compiler threads (Linux truncates them to 15 characters). */
    static final String[] COMPILER_THREAD_PREFIXES = {"C1 CompilerThre", "C2 CompilerThre"};

    /** Reads {@code pid}'s counters now; zeros for a process that has ended. */
    public static CompilerCpu of(long pid) {
        long compiler = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                compiler += compilerTicks(task);
            }
        } catch (NoSuchFileException e) {
            return new CompilerCpu(0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/" + pid + "/task", e);
        }
        return new CompilerCpu(HostCpu.processTicks(pid), compiler);
    }

    /**
     * The share of the process's CPU since {@code before} that went to compiling, in [0, 1]; 0 when
     * the process used none. A compiler thread that ended meanwhile takes its ticks with it, so this
     * can only underestimate.
     */
    public double compileShareSince(CompilerCpu before) {
        long process = processTicks - before.processTicks;
        long compiler = Math.max(0, compilerTicks - before.compilerTicks);
        return process <= 0 ? 0 : Math.min(1, (double) compiler / process);
    }

    private static long compilerTicks(Path task) {
        try {
            if (!isCompilerThread(Files.readString(task.resolve("comm")).strip())) {
                return 0;
            }
            return HostCpu.statTicks(Files.readString(task.resolve("stat")));
        } catch (NoSuchFileException e) {
            return 0; // the thread ended while we listed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + task, e);
        }
    }

    /** Whether a thread called {@code name} is one of HotSpot's JIT compiler threads. */
    static boolean isCompilerThread(String name) {
        for (String prefix : COMPILER_THREAD_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
