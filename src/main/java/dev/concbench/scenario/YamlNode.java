package dev.concbench.scenario;

import java.util.List;
import java.util.Map;

/**
 * A YAML value together with the line it starts on, so validation can point at the offending
 * line. Built by {@link YamlTreeReader}; immutable.
 */
sealed interface YamlNode {

    /** The 1-based line this value starts on. */
    int line();

    /** A human name for the node's kind, used in "expected a list, found a scalar" errors. */
    String kind();

    /** A scalar: a string, number or boolean as the YAML text gave it. */
    record Scalar(String text, int line) implements YamlNode {
        @Override
        public String kind() {
            return "a scalar";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping with its keys in file order; each entry remembers the key's line. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping: the line the key is on and its value. */
    record Entry(String key, int keyLine, YamlNode value) {}
}
