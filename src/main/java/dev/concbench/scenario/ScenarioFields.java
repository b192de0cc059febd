package dev.concbench.scenario;

import java.util.List;

/**
 * Typed reads of one scenario file's YAML tree (scalars, integers in a range, booleans, required and
 * allowed keys), each failing with a {@link ScenarioException} that names the file and line.
 */
abstract class ScenarioFields {

    /** The file being read, for errors. */
    final String file;

    ScenarioFields(String file) {
        this.file = file;
    }

    boolean bool(YamlNode.Entry e) throws ScenarioException {
        String t = text(e, e.key());
        if (!t.equals("true") && !t.equals("false")) {
            throw error(e.value().line(), e.key() + " '" + t + "' is not a boolean (expected true or false)");
        }
        return t.equals("true");
    }

    int intOr(YamlNode.Mapping m, String key, int dflt, int min, int max) throws ScenarioException {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            return dflt;
        }
        int v = intValue(e.value(), key);
        if (v < min || v > max) {
            throw error(e.value().line(), key + " must be " + min + ".." + max + " (found " + v + ")");
        }
        return v;
    }

    int positiveInt(YamlNode node, String what) throws ScenarioException {
        int v = intValue(node, what);
        if (v < 1) {
            throw error(node.line(), what + " must be >= 1 (found " + v + ")");
        }
        return v;
    }

    int intValue(YamlNode node, String what) throws ScenarioException {
        String text = scalar(node, what).text();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(node.line(), what + " '" + text + "' is not an integer");
        }
    }

    YamlNode.Entry required(YamlNode.Mapping m, String key) throws ScenarioException {
        return requiredIn(m, key, "the scenario");
    }

    YamlNode.Entry requiredIn(YamlNode.Mapping m, String key, String where) throws ScenarioException {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            throw error(m.line(), "missing '" + key + "' in " + where);
        }
        return e;
    }

    void checkKeys(YamlNode.Mapping m, List<String> allowed, String what) throws ScenarioException {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw error(e.keyLine(), "unknown " + what + " '" + e.key() + "' (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    String text(YamlNode.Entry e, String what) throws ScenarioException {
        String t = scalar(e.value(), what).text();
        if (t.isBlank()) {
            throw error(e.value().line(), what + " is empty");
        }
        return t;
    }

    YamlNode.Scalar scalar(YamlNode node, String what) throws ScenarioException {
        if (node instanceof YamlNode.Scalar s) {
            return s;
        }
        throw error(node.line(), what + ": expected a scalar, found " + node.kind());
    }

    YamlNode.Mapping mapping(YamlNode node, String what) throws ScenarioException {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw error(node.line(), what + ": expected a mapping, found " + node.kind());
    }

    YamlNode.Sequence sequence(YamlNode node, String what) throws ScenarioException {
        if (node instanceof YamlNode.Sequence s) {
            return s;
        }
        throw error(node.line(), what + ": expected a list, found " + node.kind());
    }

    ScenarioException error(int line, String what) {
        return new ScenarioException(file, line, what);
    }
}
