package dev.concbench.report;

import dev.concbench.claims.RunData;
import dev.concbench.claims.Verdicts;
import dev.concbench.results.ResultsDir;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a report shows, handed over in memory: the run's rows and environment (just measured, or
 * read once from a results directory), the claims stage's verdicts on them, and where those verdicts
 * were written. The report reads nothing of this again; from the results directory it reads only its
 * histogram logs and links its raw files.
 *
 * @param results    the results directory the rows belong to
 * @param data       the run's rows and environment
 * @param verdicts   every claim judged on {@code data}
 * @param claimsFile the {@code claims.json} holding {@code verdicts}, linked from the page
 */
public record ReportInput(ResultsDir results, RunData data, Verdicts verdicts, Path claimsFile) {

    public ReportInput {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(verdicts, "verdicts");
        Objects.requireNonNull(claimsFile, "claimsFile");
    }
}
