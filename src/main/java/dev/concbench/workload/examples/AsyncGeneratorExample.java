package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncGenerator;
import dev.concbench.loop.LoopFuture;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The seed's {@code fetch_paginated_data(3)}: an async generator, one 0.5 s API call per page, each
 * page processed as it arrives; about 1.5 units.
 */
final class AsyncGeneratorExample {

    private static final int PAGES = 3;
    private static final int ITEMS_PER_PAGE = 5;

    private record Page(int page, List<String> data) {
    }

    private AsyncGeneratorExample() {
    }

    /** The seed's {@code fetch_paginated_data(pages)}. */
    private static AsyncGenerator<Page> fetchPaginatedData(ExampleContext ctx, int pages) {
        return AsyncGenerator.of(ctx.loop(), index -> {
            if (index >= pages) {
                return ctx.loop().completed(Optional.empty());
            }
            return ctx.sleep(0.5).map(v -> Optional.of(new Page(index + 1,
                    IntStream.range(0, ITEMS_PER_PAGE).mapToObj(i -> "item-" + i).toList())));
        });
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        return fetchPaginatedData(ctx, PAGES).forEach(page -> {
            ctx.print("Processing page " + page.page());
            page.data().forEach(item -> ctx.print(" - " + item));
            return ctx.loop().completed(null);
        });
    }
}
