package dev.concbench.history;

import dev.concbench.results.Measure;
import java.util.List;
import java.util.Map;

/**
 * One run's value of a metric: a point of a trend.
 *
 * @param scenario the row's scenario
 * @param metric  the row's metric
 * @param runId   the run
 * @param started its ISO-8601 start instant (the trend's x axis)
 * @param gitCommit the concbench commit that ran it
 * @param model   the model
 * @param params  the row's parameters other than the model
 * @param measure the value, its error (NaN when none), unit and sample count
 * @param guards  why the number must not be trusted as it stands (empty when it can be)
 */
public record TrendPoint(String scenario, String metric, String runId, String started, String gitCommit, String model, Map<String, String> params,
        Measure measure, List<String> guards) {

    /** The series this point belongs to: the model, and its parameters when any. */
    public String series() {
        return params.isEmpty() ? model : model + " " + RowCodec.params(params).replace(';', ' ');
    }
}
