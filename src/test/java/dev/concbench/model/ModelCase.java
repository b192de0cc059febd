package dev.concbench.model;

import java.util.List;
import java.util.Map;

/** One model configuration the parameterised tests run: every model, and the variants that matter. */
record ModelCase(String name, Map<String, String> params) {

    /** Every model and variant; platform-pool with one thread proves a fan-out cannot deadlock its own pool. */
    static List<ModelCase> all() {
        return List.of(
                new ModelCase("eventloop", Map.of()),
                new ModelCase("coroutines", Map.of()),
                new ModelCase("eventloop+offload", Map.of("offload", "process", "workers", "2")),
                new ModelCase("eventloop+offload", Map.of("offload", "threads", "workers", "2")),
                new ModelCase("platform-pool", Map.of("poolSize", "4")),
                new ModelCase("platform-pool", Map.of("poolSize", "1")),
                new ModelCase("thread-per-task", Map.of()),
                new ModelCase("virtual", Map.of()),
                new ModelCase("process-pool", Map.of("workers", "2")),
                new ModelCase("netty", Map.of()),
                new ModelCase("netty", Map.of("offload", "executor", "workers", "2")));
    }

    ExecutionModel start(WorkTarget target) {
        return Models.start(name, params, target);
    }

    @Override
    public String toString() {
        return name + (params.isEmpty() ? "" : params.toString());
    }
}
