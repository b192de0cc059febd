package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.vocab.ModelKind;
import org.junit.jupiter.api.Test;

class BenchmarkCatalogTest {

    /** JMH wants {@code @Param} values as literals; the catalog checks them against the registry when it loads. */
    @Test
    void everyBenchmarkNamesRegisteredModels() {
        BenchmarkCatalog catalog = BenchmarkCatalog.of();
        assertFalse(catalog.parameters().isEmpty());
        for (String name : catalog.parameters().keySet()) {
            catalog.get(name).models().forEach(m -> assertTrue(ModelKind.of(m).isPresent(), name + ": " + m));
        }
    }
}
