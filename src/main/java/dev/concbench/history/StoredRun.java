package dev.concbench.history;

import dev.concbench.results.ClaimResult;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import dev.concbench.results.RunSummary;
import java.util.List;

/**
 * One run as the history keeps it: the run's records (summary, env.json, claims) and where it came
 * from.
 *
 * @param summary the run's {@code summary.json}
 * @param env     its {@code env.json}; null when the directory has none
 * @param claims  its claims' verdicts; empty when the directory has no {@code claims.json}
 * @param origin  the host and branch it ran on, and how it reached the history
 */
public record StoredRun(RunSummary summary, EnvInfo env, List<ClaimResult> claims, Origin origin) {

    /**
     * Where a run came from.
     *
     * @param host      the host name, or {@code "unknown"} (an imported run)
     * @param gitBranch the checked-out branch, or {@code "unknown"}
     * @param source    {@code run}, {@code ab} or {@code import}
     */
    public record Origin(String host, String gitBranch, String source) {
        /** A run imported from a results directory: host and branch unknown. */
        public static Origin imported() {
            return new Origin(UNKNOWN, UNKNOWN, "import");
        }
    }

    static final String UNKNOWN = "unknown";

    public StoredRun {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /**
     * Reads a results directory's records.
     *
     * @throws ResultsFormatException when its summary (or an env.json/claims.json it has) is unreadable
     */
    public static StoredRun read(ResultsDir dir, Origin origin) throws ResultsFormatException {
        RunSummary summary = dir.readSummary();
        EnvInfo env = dir.has(ResultsDir.ENV) ? dir.readEnv() : null;
        List<ClaimResult> claims = dir.has(ResultsDir.CLAIMS) ? dir.readClaims() : List.of();
        return new StoredRun(summary, env, claims, origin);
    }

    /**
     * The run's identity in the history: its id and start instant, so the same directory imported
     * twice (or appended by its run and imported later) is stored once.
     */
    public String key() {
        return summary.runId() + "@" + started();
    }

    /** ISO-8601 start instant from env.json; else from the run id ({@code YYYYMMDD-HHMMSS}); else "unknown". */
    public String started() {
        if (env != null && env.start() != null) {
            return env.start();
        }
        String id = summary.runId();
        if (id != null && id.matches("\\d{8}-\\d{6}.*")) {
            return id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8) + "T"
                    + id.substring(9, 11) + ":" + id.substring(11, 13) + ":" + id.substring(13, 15) + "Z";
        }
        return UNKNOWN;
    }

    /** The environment fingerprint ({@link EnvInfo#fingerprint()}), or "unknown" without env.json. */
    public String fingerprint() {
        return env == null ? UNKNOWN : env.fingerprint();
    }

    /** The rows, in summary order (their ordinal is their index). */
    public List<ResultRow> rows() {
        return summary.rows();
    }
}
