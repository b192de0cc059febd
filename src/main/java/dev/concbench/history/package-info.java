/**
 * The results history: every run (and every {@code ab}) appended to a database, read back as run
 * lists and trends. Embedded SQLite ({@code results/history.db}) by default, PostgreSQL for a
 * team's shared database; one schema for both, versioned by Flyway migrations in
 * {@code dev/concbench/history/migration/}, so an older history file opens in a newer concbench.
 *
 * <p>{@link dev.concbench.history.HistoryDatabase} opens (and migrates) a database by JDBC URL;
 * {@link dev.concbench.history.HistoryStore} appends a {@link dev.concbench.history.StoredRun}
 * in one transaction (a run killed while writing leaves nothing half-written) and answers the
 * queries; {@link dev.concbench.history.HistoryImport} imports results directories. It reads the
 * records of {@link dev.concbench.results}, and is read by {@code cli} and the report. The
 * history is never the only copy of a run: the results directory is written first.
 */
package dev.concbench.history;
