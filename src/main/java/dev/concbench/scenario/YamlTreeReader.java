package dev.concbench.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link YamlNode} tree with line numbers, using Jackson's YAML
 * streaming parser (Jackson's own tree model forgets where values came from).
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String where;

    /** @param where the file name used as the prefix of every error, e.g. {@code scenarios/x.yaml} */
    YamlTreeReader(String where) {
        this.where = where;
    }

    /**
     * Parses {@code text}.
     *
     * @throws ScenarioException on a syntax error or a duplicate key, naming the line
     */
    YamlNode read(String text) throws ScenarioException {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ScenarioException(where, 1, "empty file (expected a mapping of scenario keys)");
            }
            YamlNode root = node(p);
            if (p.nextToken() != null) {
                throw new ScenarioException(where, Math.max(1, p.currentTokenLocation().getLineNr()),
                        "a second YAML document (after '---'); a scenario file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new ScenarioException(where, line, "invalid YAML (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("syntax error") + ")");
        } catch (IOException e) {
            throw new ScenarioException(where, 1, "unreadable (" + e.getMessage() + ")");
        }
    }

    private YamlNode node(JsonParser p) throws IOException, ScenarioException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                YamlNode value = node(p);
                if (entries.put(key, new YamlNode.Entry(key, keyLine, value)) != null) {
                    throw new ScenarioException(where, keyLine, "duplicate key '" + key + "'");
                }
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p));
            }
            return new YamlNode.Sequence(items, line);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode.Scalar("", line);
        }
        return new YamlNode.Scalar(p.getText(), line);
    }
}
