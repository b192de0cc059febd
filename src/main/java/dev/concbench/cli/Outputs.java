package dev.concbench.cli;

import dev.concbench.report.Reporter;
import dev.concbench.results.OutputPlace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The commands' output places, checked before any work: a bad {@code --out} is a one-line usage
 * error (exit 2), never an internal error after the work was done.
 */
final class Outputs {

    private Outputs() {
    }

    /**
     * {@code dir}, made if needed, once it is known to be a writable folder.
     *
     * @throws UsageException naming the command and flag when it is a file, under a file, on a
     *                        read-only or full file system, or not permitted
     */
    static Path writableFolder(String command, String flag, Path dir) {
        if (dir.toString().isBlank()) {
            throw new UsageException(command + ": " + flag + " is empty (expected a folder)");
        }
        try {
            return OutputPlace.checkWritable(dir);
        } catch (OutputPlace.UnwritableException e) {
            throw new UsageException(command + ": " + flag + " " + e.getMessage());
        }
    }

    /**
     * The default report folder of {@code resultsDir}, {@code reports/<run-id>/}: the one these
     * results already own, or a new one (suffixed when another results folder with the same run id
     * owns {@code reports/<run-id>/}).
     */
    static Path reportFolder(Path resultsDir) throws IOException {
        Path dflt = Reporter.defaultOutDir(resultsDir);
        Path root = dflt.getParent() == null ? Path.of(".") : dflt.getParent();
        writableFolder("report", "reports folder", root);
        return OutputPlace.claimFor(root, dflt.getFileName().toString(),
                resultsDir.toAbsolutePath().normalize().toString());
    }
}
