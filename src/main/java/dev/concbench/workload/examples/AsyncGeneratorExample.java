package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncGenerator;
import dev.concbench.loop.Coroutine;
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

    /** The seed's {@code async def fetch_paginated_data(pages)}: each step a coroutine that yields one page. */
    private static AsyncGenerator<Page> fetchPaginatedData(ExampleContext ctx, int pages) {
        return AsyncGenerator.of(ctx.loop(), index -> ctx.loop().spawnCoroutine("page-" + index, () -> {
            if (index >= pages) {
                return Optional.empty();
            }
            ctx.sleep(0.5);  // simulate an API call
            return Optional.of(new Page(index + 1, IntStream.range(0, ITEMS_PER_PAGE).mapToObj(i -> "item-" + i).toList()));
        }));
    }

    /** {@code async for page in fetch_paginated_data(3): ...}. */
    static void run(ExampleContext ctx) {
        for (Page page : Coroutine.each(fetchPaginatedData(ctx, PAGES))) {
            ctx.print("Processing page " + page.page());
            for (String item : page.data()) {
                ctx.print(" - " + item);
            }
        }
    }
}
