package dev.concbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * The checks every results file's validation starts with ({@link SummaryCheck}, {@link
 * ComparisonCheck}): a JSON object, text fields, a list of rows each checked by the caller. Each
 * problem is one line naming the file (and the row, 1-based). Stateless.
 */
final class JsonChecks {

    private JsonChecks() {
    }

    /**
     * Checks that {@code root} is an object whose {@code textFields} are text, and that its {@code
     * rows} is a list whose every element {@code rowProblem} accepts (returns null for).
     *
     * @param file how messages name the file
     * @return the rows
     * @throws ResultsFormatException on the first problem
     */
    static JsonNode rows(String file, JsonNode root, List<String> textFields, Function<JsonNode, String> rowProblem)
            throws ResultsFormatException {
        if (!root.isObject()) {
            throw new ResultsFormatException(file + ": expected a JSON object, found " + kind(root));
        }
        for (String field : textFields) {
            if (!root.path(field).isTextual()) {
                throw new ResultsFormatException(file + ": " + field + " is missing or not text");
            }
        }
        JsonNode rows = root.path("rows");
        if (!rows.isArray()) {
            throw new ResultsFormatException(file + ": rows is missing or not a list");
        }
        for (int i = 0; i < rows.size(); i++) {
            String problem = rowProblem.apply(rows.get(i));
            if (problem != null) {
                throw new ResultsFormatException(file + ":row " + (i + 1) + ": " + problem);
            }
        }
        return rows;
    }

    /** The node's JSON type, for messages: {@code object}, {@code array}, {@code string}, ... */
    static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
