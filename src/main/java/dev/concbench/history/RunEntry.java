package dev.concbench.history;

/**
 * One run in the history's list.
 *
 * @param key       the run's identity in the history ({@link StoredRun#key()})
 * @param runId     {@code YYYYMMDD-HHMMSS-<profile>}
 * @param started   ISO-8601 start instant
 * @param profile   the profile it ran
 * @param gitCommit the concbench commit that ran it
 * @param host      the host it ran on, or {@code "unknown"}
 * @param complete  false when it was interrupted or a scenario failed
 * @param rows      how many result rows it stored
 * @param source    {@code run}, {@code ab} or {@code import}
 */
public record RunEntry(String key, String runId, String started, String profile, String gitCommit, String host,
        boolean complete, int rows, String source) {
}
