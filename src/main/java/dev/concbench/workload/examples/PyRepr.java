package dev.concbench.workload.examples;

import java.util.List;
import java.util.stream.Collectors;

/** Python's {@code repr} of the few values the seed prints, so our output matches the seed's. */
final class PyRepr {

    private PyRepr() {
    }

    /** {@code ['a', 'b']}. */
    static String strings(List<String> items) {
        return items.stream().map(PyRepr::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code 'a'}. */
    static String string(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
