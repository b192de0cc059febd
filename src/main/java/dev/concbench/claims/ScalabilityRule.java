package dev.concbench.claims;

import dev.concbench.results.Measure;
import dev.concbench.results.ClaimResult.Verdict;

/**
 * The scalability row, on time from the gate opening to completion ({@link ModelScaling#P99}):
 * the loop must hold (no p99 or memory break, see {@link ModelScaling}) up to at least
 * {@value #CLAIMED_TASKS} tasks, and one-thread-per-task must break at or below that (p99, memory,
 * or threads failing to start). A comparison this run cannot decide (a straddling ratio, a row
 * without an error bar) is not measured, never "held". Every model's break point and creation cost
 * per task ({@link ModelScaling#CREATE_COST}) are recorded.
 *
 * @param cast which models play the loop and the thread per task
 */
public record ScalabilityRule(Cast cast) implements Rule {

    /** The seed's "10,000+ concurrent tasks". */
    public static final long CLAIMED_TASKS = 10_000;

    @Override
    public String describe() {
        return "on " + ModelScaling.P99 + " (from the gate opening, not counting creation): a model breaks at the"
                + " first task count where that p99 reaches " + Measure.number(ModelScaling.P99_BREAK) + " x its p99 at"
                + " the smallest count (error included), its RSS reaches half the machine's memory, or threads fail"
                + " to start; it holds where the ratio is wholly below. supported when " + cast.loop() + " holds to"
                + " >= 10,000 tasks and " + cast.perTask() + " breaks at <= 10,000; refuted when the loop breaks first or"
                + " threads hold to 10,000; a straddling ratio or a row without >= " + RunData.MIN_SAMPLES
                + " samples and a finite error is not measured";
    }

    @Override
    public Judgement judge(RunData data, Evidence evidence) throws NotMeasured {
        data.requireValues(ModelScaling.SCENARIO, "work");
        String work = ModelScaling.work(data).orElseThrow();
        evidence.note("workload", work);
        ModelScaling loop = null;
        ModelScaling threads = null;
        for (String model : Cast.models(cast.loop(), cast.lightweight(), cast.perTask(), cast.pool())) {
            ModelScaling s = ModelScaling.scan(data, model, work);
            evidence.note(model, s.note());
            for (String tasks : data.values(ModelScaling.SCENARIO, "tasks")) {
                data.find(ModelScaling.q(model, work, Long.parseLong(tasks), ModelScaling.CREATE_COST))
                        .ifPresent(c -> evidence.put(model + " creation cost per task at " + tasks, c));
            }
            if (model.equals(cast.loop())) {
                loop = s;
            }
            if (model.equals(cast.perTask())) {
                threads = s;
            }
        }
        loop.rows().forEach(evidence::deciding);
        threads.rows().forEach(evidence::deciding);
        evidence.decisiveNote(cast.loop() + ": " + loop.note() + " (needs to hold to >= 10,000)");
        evidence.decisiveNote(cast.perTask() + ": " + threads.note() + " (needs to break at <= 10,000)");
        if (loop.firstBreak().filter(b -> b <= CLAIMED_TASKS).isPresent()) {
            return new Judgement(Verdict.REFUTED, "The event loop broke at " + Measure.number(loop.firstBreak().get())
                    + " tasks, before the claimed 10,000.");
        }
        if (loop.heldTo() < CLAIMED_TASKS) {
            if (loop.undecided() != null) {
                throw new NotMeasured(cast.loop() + ": " + loop.undecided());
            }
            if (loop.rows().isEmpty()) {
                throw new NotMeasured(data.absenceReason(ModelScaling.q(cast.loop(), work,
                        Long.parseLong(data.values(ModelScaling.SCENARIO, "tasks").getFirst()), ModelScaling.P99)));
            }
            throw new NotMeasured("the event loop was measured only up to " + Measure.number(loop.heldTo())
                    + " tasks; the claim is about 10,000+ (the full profile goes further)");
        }
        if (threads.firstBreak().filter(b -> b <= CLAIMED_TASKS).isPresent()) {
            return new Judgement(Verdict.SUPPORTED, "The one-thread event loop held to "
                    + Measure.number(loop.heldTo()) + " tasks; one " + (cast.jvm() ? "platform thread" : "CPython thread")
                    + " per task broke at "
                    + Measure.number(threads.firstBreak().get()) + " tasks, timed from the gate opening (their"
                    + " creation cost is apart, in the evidence). Every model's break point is in the evidence.");
        }
        if (threads.heldTo() >= CLAIMED_TASKS) {
            return new Judgement(Verdict.REFUTED, (cast.jvm() ? "Platform threads" : "CPython threads") + " held to " + Measure.number(threads.heldTo())
                    + " tasks on this machine, as far as the loop: far beyond 'a few thousand'.");
        }
        throw new NotMeasured(cast.perTask() + " " + (threads.undecided() != null ? threads.undecided()
                : "was measured only up to " + Measure.number(threads.heldTo()) + " tasks without breaking"));
    }
}
