package dev.concbench.report;

import java.nio.file.Path;

/**
 * Where {@code report --baseline DIR} gets its comparison from: the regression gate's comparison
 * of two results directories. The CLI is given one at construction; the report only displays
 * what it returns.
 */
@FunctionalInterface
public interface ComparisonSource {

    /**
     * Compares two results directories.
     *
     * @param baselineDir the baseline run's results directory
     * @param currentDir  the run being reported
     * @throws Exception a {@link dev.concbench.results.ResultsFormatException} (or the CLI's
     *                   {@code UsageException}) for a bad directory; anything else is a failure
     */
    BaselineComparison compare(Path baselineDir, Path currentDir) throws Exception;
}
