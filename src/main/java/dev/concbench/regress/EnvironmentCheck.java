package dev.concbench.regress;

import dev.concbench.results.EnvInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether two runs come from comparable conditions: the same profile, core count, JDK feature
 * release, OS and architecture. Anything else (kernel, commit, memory) may differ.
 */
final class EnvironmentCheck {

    private EnvironmentCheck() {
    }

    /**
     * The differences between the runs, one phrase each, e.g. {@code "cores: 2 (baseline) vs 4 (current)"};
     * empty when they match.
     *
     * @param baseline the baseline's env.json, null when the directory had none
     * @param current  the current run's env.json, null when the directory had none
     */
    static List<String> differences(String baselineProfile, EnvInfo baseline, String currentProfile, EnvInfo current) {
        List<String> out = new ArrayList<>();
        differ(out, "profile", baselineProfile, currentProfile);
        if (baseline == null || current == null) {
            out.add("env.json missing in the " + (baseline == null ? "baseline" : "current run")
                    + ": its environment cannot be checked");
            return out;
        }
        differ(out, "cores", baseline.cores(), current.cores());
        differ(out, "JDK", jdkMajor(baseline.jdk()), jdkMajor(current.jdk()));
        differ(out, "OS", baseline.os(), current.os());
        differ(out, "arch", baseline.arch(), current.arch());
        return out;
    }

    private static void differ(List<String> out, String what, Object baseline, Object current) {
        if (!Objects.equals(baseline, current)) {
            out.add(what + ": " + baseline + " (baseline) vs " + current + " (current)");
        }
    }

    /** The JDK's feature release ({@link EnvInfo#jdkFeature}). */
    static String jdkMajor(String jdk) {
        return EnvInfo.jdkFeature(jdk);
    }
}
