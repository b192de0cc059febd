/**
 * Scenario files ({@code scenarios/*.yaml}): their schema, parsing with Jackson YAML, and
 * validation into immutable records. A bad file fails before anything runs, with one line naming
 * the file and line and what was expected, e.g.
 * {@code scenarios/x.yaml:12: unknown model 'virtul' (expected one of eventloop, ...)}.
 *
 * <p>Everything here is pure data and parsing: no thread, no process, no clock.
 */
package dev.concbench.scenario;
