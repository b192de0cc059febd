package dev.concbench.scenario;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped {@code scenarios/} directory is: the {@value #PROPERTY} system property if set;
 * else beside the build ({@code <checkout>/scenarios}, found from {@code target/concbench.jar} or
 * {@code target/classes}); else {@code scenarios} in the working directory.
 */
public final class ScenarioDirectory {

    /** The system property that overrides the location. */
    public static final String PROPERTY = "concbench.scenarios";

    private ScenarioDirectory() {}

    /** The directory to load scenarios from (it may not exist; the caller reports that). */
    public static Path locate() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        try {
            Path code = Path.of(ScenarioDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/concbench.jar or target/classes: the checkout is two levels up
            Path beside = code.getParent() == null || code.getParent().getParent() == null
                    ? null : code.getParent().getParent().resolve("scenarios");
            if (beside != null && Files.isDirectory(beside)) {
                return beside;
            }
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("scenarios");
        }
        return Path.of("scenarios");
    }

    /** The project checkout the scenarios belong to (for the git commit), from {@link #locate()}. */
    public static Path projectDir() {
        Path dir = locate().toAbsolutePath().getParent();
        return dir == null ? Path.of(".") : dir;
    }
}
