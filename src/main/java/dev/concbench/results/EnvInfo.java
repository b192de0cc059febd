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
 * @param python      the CPython measured beside the JVM, or why none was; null in runs from before it
 * @param network     where the delay server was and the round trip to it, or null when no server ran
 *                    (and in runs recorded before it existed); left out of the file when null
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
        String end,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        PythonInfo python,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        NetworkInfo network) {

    /** Without the CPython side or a network (a run from before them, a fixture). */
    public EnvInfo(String jdk, String javaHome, List<String> jvmFlags, String os, String kernel, String arch,
            String cpuModel, int cores, long memoryBytes, Map<String, String> ulimits, long pidMax, long threadsMax,
            String gitCommit, String profile, String command, String start, String end) {
        this(jdk, javaHome, jvmFlags, os, kernel, arch, cpuModel, cores, memoryBytes, ulimits, pidMax, threadsMax,
                gitCommit, profile, command, start, end, null, null);
    }

    /** A copy that records the end of the run. */
    public EnvInfo ended(String endInstant) {
        return new EnvInfo(jdk, javaHome, jvmFlags, os, kernel, arch, cpuModel, cores, memoryBytes, ulimits,
                pidMax, threadsMax, gitCommit, profile, command, start, endInstant, python, network);
    }

    /** A copy that records the CPython side. */
    public EnvInfo withPython(PythonInfo info) {
        return new EnvInfo(jdk, javaHome, jvmFlags, os, kernel, arch, cpuModel, cores, memoryBytes, ulimits,
                pidMax, threadsMax, gitCommit, profile, command, start, end, info, network);
    }

    /** A copy that records where the delay server was and the round trip to it. */
    public EnvInfo withNetwork(NetworkInfo where) {
        return new EnvInfo(jdk, javaHome, jvmFlags, os, kernel, arch, cpuModel, cores, memoryBytes, ulimits,
                pidMax, threadsMax, gitCommit, profile, command, start, end, python, where);
    }

    /**
     * The JDK's feature release from a description like {@code "Eclipse Adoptium 25.0.3+9-LTS"}
     * (the last word that parses as a {@link Runtime.Version}: the version follows the vendor, and a
     * word such as {@code 64-Bit} earlier would parse too); the whole text when none does,
     * {@code "unknown"} for null.
     */
    public static String jdkFeature(String jdk) {
        if (jdk == null) {
            return "unknown";
        }
        String[] words = jdk.split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            java.util.Optional<Integer> feature = feature(words[i]);
            if (feature.isPresent()) {
                return String.valueOf(feature.get());
            }
        }
        return jdk;
    }

    private static java.util.Optional<Integer> feature(String word) {
        if (word.isEmpty() || !Character.isDigit(word.charAt(0))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Runtime.Version.parse(word).feature());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * What makes two runs comparable, as one string: core count, JDK feature release, OS and
     * architecture (the fields the regression gate checks; kernel, commit and memory may differ),
     * e.g. {@code "cores=2;jdk=25;os=Linux (Debian GNU/Linux 12 (bookworm));arch=amd64"}.
     */
    public String fingerprint() {
        return "cores=" + cores + ";jdk=" + jdkFeature(jdk) + ";os=" + os + ";arch=" + arch;
    }
}
