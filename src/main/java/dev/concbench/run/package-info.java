/**
 * A benchmark run: plans (scenario, model, sweep) items from the scenario files and a profile,
 * runs each through JMH's Runner API in forks, maps JMH's results to {@code summary.json} rows with
 * their guards, shows progress, and writes {@code results/<run-id>/} through
 * {@link dev.concbench.results.ResultsDir} after every item, so an interrupted run (Ctrl-C) still
 * leaves a valid summary of what finished, marked incomplete, and no child process behind.
 */
package dev.concbench.run;
