package dev.concbench.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The machine's busy CPU time and this process tree's own, from {@code /proc/stat} and
 * {@code /proc/<pid>/stat}, to tell how much of the machine other processes took while a benchmark
 * ran: on a shared 2-core machine, a CPU-bound comparison measures the machine, not the model,
 * when another process holds a core. Linux only; any thread may call.
 *
 * @param busyTicks the machine's busy time over all CPUs (user, nice, system, irq, softirq, steal), in clock ticks
 * @param ownTicks  the CPU time of this process and its live descendants (e.g. worker JVMs), in clock ticks
 */
public record HostCpu(long busyTicks, long ownTicks) {

    /** Clock ticks per second of {@code /proc}'s counters: {@code USER_HZ}, fixed at 100 on Linux. */
    public static final int TICKS_PER_SECOND = 100;

    private static final Path STAT = Path.of("/proc/stat");

    /**
     * Reads both counters now.
     *
     * @throws UncheckedIOException when {@code /proc/stat} cannot be read (not Linux)
     */
    public static HostCpu read() {
        String[] cpu;
        try {
            cpu = Files.readAllLines(STAT).get(0).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STAT + " (concbench's OS probes need Linux /proc)", e);
        }
        // cpu user nice system idle iowait irq softirq steal ...
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(cpu[i]);
        }
        long own = processTicks(ProcessHandle.current().pid());
        for (ProcessHandle d : ProcessHandle.current().descendants().toList()) {
            own += processTicks(d.pid());
        }
        return new HostCpu(busy, own);
    }

    /**
     * The share of the machine's CPU time that other processes took from {@code before} to this
     * reading: their busy ticks over all the ticks {@code cores} CPUs had in {@code wallNanos}.
     */
    public double othersShare(HostCpu before, long wallNanos, int cores) {
        double available = (double) wallNanos / 1e9 * TICKS_PER_SECOND * cores;
        long others = (busyTicks - before.busyTicks) - (ownTicks - before.ownTicks);
        return available <= 0 ? 0 : Math.max(0, others) / available;
    }

    /**
     * utime + stime of one process (all its threads), in ticks of {@value #TICKS_PER_SECOND} per
     * second; 0 for a process that has just ended.
     */
    public static long processTicks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return 0; // ended between listing and reading: its time is no longer anyone's to count
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
        return statTicks(stat);
    }

    /** utime + stime from the text of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}. */
    static long statTicks(String stat) {
        // the command name (field 2) may contain spaces: count fields after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
