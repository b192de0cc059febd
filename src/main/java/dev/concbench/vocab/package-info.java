/**
 * The words every stage shares, each defined once: the execution models ({@link
 * dev.concbench.vocab.ModelKind}: name, parameters, display order, colour, reference rank) and the
 * guards a benchmark publishes ({@link dev.concbench.vocab.Guard}: key, kind, explanation).
 *
 * <p>The lowest package of concbench: it imports none of the others, so the scenario parser, the
 * models, the benchmarks, the run, the claims, the report and the regression gate all read it.
 */
package dev.concbench.vocab;
