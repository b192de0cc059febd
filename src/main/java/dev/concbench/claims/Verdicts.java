package dev.concbench.claims;

import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.ResultsDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The claims stage: one run's results in, every claim of {@link SeedClaims#all()} judged out. The
 * run judges its results once at its end and writes {@code results/<run-id>/claims.json}; the
 * {@code report} command judges again in memory (never writing into the results it reads) and
 * writes its {@code claims.json} beside the report. The report displays what it is given.
 *
 * <pre>{@code
 * Verdicts verdicts = Verdicts.judge(new RunData(summary, env));
 * verdicts.write(resultsDir.resolve(ResultsDir.CLAIMS));
 * }</pre>
 *
 * @param assessments every claim's judgement with its deciding numbers, in {@link SeedClaims#all()} order
 */
public record Verdicts(List<Claim.Assessment> assessments) {

    public Verdicts {
        assessments = List.copyOf(assessments);
    }

    /** Judges every claim against one run. Never throws: missing data is a {@code not measured} verdict. */
    public static Verdicts judge(RunData data) {
        return new Verdicts(SeedClaims.assess(data));
    }

    /** The rows of {@code claims.json}, in order. */
    public List<ClaimResult> results() {
        return assessments.stream().map(Claim.Assessment::result).toList();
    }

    /** How many claims got {@code verdict}. */
    public long count(Verdict verdict) {
        return assessments.stream().filter(a -> a.result().verdict() == verdict).count();
    }

    /** How many claims were judged. */
    public int size() {
        return assessments.size();
    }

    /**
     * Writes {@code claims.json} atomically to {@code file} (the run's results directory at the end of
     * a run, the report's directory for {@code report}).
     *
     * @return {@code file}
     */
    public Path write(Path file) throws IOException {
        ResultsDir.writeClaims(file, results());
        return file;
    }
}
