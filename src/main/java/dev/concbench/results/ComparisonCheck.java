package dev.concbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * Validates a {@code compare.json} tree before it becomes a {@link Comparison}, so that an empty,
 * hand-edited or damaged file is one line naming the file (and the row and field) instead of a
 * report that shows "PASS, 0 unchanged". Stateless.
 */
final class ComparisonCheck {

    private static final List<String> ROW_TEXT_FIELDS = List.of("key", "scenario", "model", "metric", "status");

    private ComparisonCheck() {
    }

    /**
     * @param file how the message names the file
     * @param root the parsed file
     * @throws ResultsFormatException on the first problem, naming the row (1-based) and the field
     */
    static void check(String file, JsonNode root) throws ResultsFormatException {
        JsonNode rows = JsonChecks.rows(file, root, List.of("baselineRunId", "currentRunId", "mode"),
                ComparisonCheck::rowProblem);
        String mode = root.path("mode").asText();
        if (Mode.byLabel(mode).isEmpty()) {
            throw new ResultsFormatException(file + ": mode must be one of "
                    + labels(Arrays.stream(Mode.values()).map(Mode::label).toList()) + ", found '" + mode + "'");
        }
        if (rows.isEmpty()) {
            // the gate refuses runs without rows, so an empty list is a damaged file, not a pass
            throw new ResultsFormatException(file + ": rows is empty (expected a row per compared result)");
        }
    }

    /** The first problem of one row, or null when it is well-formed enough to show. */
    private static String rowProblem(JsonNode row) {
        if (!row.isObject()) {
            return "expected an object, found " + JsonChecks.kind(row);
        }
        for (String field : ROW_TEXT_FIELDS) {
            JsonNode v = row.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                return field + " is missing or not text";
            }
        }
        String status = row.get("status").asText();
        List<String> statuses = Arrays.stream(Status.values()).map(Status::label).toList();
        return statuses.contains(status) ? null : "status must be one of " + labels(statuses) + ", found '" + status + "'";
    }

    private static String labels(List<String> labels) {
        return String.join(", ", labels);
    }
}
