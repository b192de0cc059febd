package dev.concbench.results;

import java.util.List;
import java.util.Map;

/**
 * {@code env.json}: where the numbers came from. Every number in a report is shown with this.
 *
 * @param jdk         vendor and version of the JVM that ran the benchmarks, e.g. {@code "Eclipse Adoptium 25.0.3+9-LTS"}
 * @param javaHome    the JDK's home directory
 * @param jvmFlags    the flags benchmark forks ran with
 * @param os          OS name and version, e.g. {@code "Linux (Debian GNU/Linux 12 (bookworm))"}
 * @param kernel      the kernel release ({@code uname -r})
 * @param arch        the CPU architecture
 * @param cpuModel    the CPU model name from {@code /proc/cpuinfo}
 * @param cores       available processors
 * @param memoryBytes physical memory, in bytes
 * @param ulimits     soft limits that bound the models: {@code nofile}, {@code nproc}, {@code stack} (as text)
 * @param pidMax      {@code /proc/sys/kernel/pid_max}
 * @param threadsMax  {@code /proc/sys/kernel/threads-max}
 * @param gitCommit   the commit of concbench that ran, or {@code "unknown"}
 * @param profile     the profile that ran
 * @param command     the command line that produced this run
 * @param start       ISO-8601 instant the run started
 * @param end         ISO-8601 instant the run ended, or null while running
 */
public record EnvInfo(
        String jdk,
        String javaHome,
        List<String> jvmFlags,
        String os,
        String kernel,
        String arch,
        String cpuModel,
        int cores,
        long memoryBytes,
        Map<String, String> ulimits,
        long pidMax,
        long threadsMax,
        String gitCommit,
        String profile,
        String command,
        String start,
        String end) {

    /** A copy that records the end of the run. */
    public EnvInfo ended(String endInstant) {
        return new EnvInfo(jdk, javaHome, jvmFlags, os, kernel, arch, cpuModel, cores, memoryBytes, ulimits,
                pidMax, threadsMax, gitCommit, profile, command, start, endInstant);
    }
}
