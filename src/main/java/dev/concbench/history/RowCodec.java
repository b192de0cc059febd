package dev.concbench.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.concbench.results.ResultsDir;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the history writes the values that have no column type of their own: parameters as
 * {@code k=v;k=v} (sorted, so equal maps are equal text), lists and maps as JSON text, a
 * non-finite double as SQL NULL.
 */
final class RowCodec {

    private RowCodec() {
    }

    /** {@code {threads=4, tasks=100}} as {@code tasks=100;threads=4}. */
    static String params(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** The inverse of {@link #params(Map)}. */
    static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    static String json(Object value) {
        try {
            return ResultsDir.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + value, e);
        }
    }

    static List<String> strings(String json) {
        try {
            return json == null ? List.of() : ResultsDir.json().readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    /** A double for a nullable column: NaN and infinities are stored as NULL. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
