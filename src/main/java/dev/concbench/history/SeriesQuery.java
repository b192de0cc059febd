package dev.concbench.history;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which rows make a trend: a scenario's metric, for one model (or all, when {@code model} is
 * null), restricted to rows whose parameters include every {@code params} entry.
 */
public record SeriesQuery(String scenario, String model, String metric, Map<String, String> params) {

    public SeriesQuery {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** Whether a row's parameters include every entry this query asks for. */
    boolean matches(Map<String, String> rowParams) {
        return params.entrySet().stream().allMatch(e -> e.getValue().equals(rowParams.get(e.getKey())));
    }
}
