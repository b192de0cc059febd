package dev.concbench.cli;

import dev.concbench.regress.CompareInputException;
import dev.concbench.regress.CompareOptions;
import dev.concbench.regress.ComparisonFiles;
import dev.concbench.regress.RunComparator;
import dev.concbench.report.BaselineComparison;
import dev.concbench.report.CompareFile;
import dev.concbench.report.ComparisonSource;
import dev.concbench.results.ResultsDir;
import java.nio.file.Path;

/**
 * {@code report --baseline DIR}: the regression gate compares the two runs with its default
 * options, writes {@code compare/compare.{md,json}} beside the current results (as {@code compare}
 * does), and the report shows what it wrote. One comparison, one format, two readers.
 */
final class GateComparisonSource implements ComparisonSource {

    @Override
    public BaselineComparison compare(Path baselineDir, Path currentDir) throws Exception {
        try {
            var comparison = RunComparator.compare(ResultsDir.open(baselineDir), ResultsDir.open(currentDir),
                    CompareOptions.defaults());
            ComparisonFiles.write(comparison, currentDir.resolve(ComparisonFiles.DEFAULT_DIR));
        } catch (CompareInputException e) {
            throw new UsageException("report: --baseline: " + e.getMessage());
        }
        return CompareFile.besides(currentDir).orElseThrow(
                () -> new IllegalStateException("the gate wrote no comparison beside " + currentDir));
    }
}
