package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;
import java.util.List;

/**
 * The seed's {@code get_user_data(123)}: {@code fetch_user} (1 s) and {@code fetch_posts} (0.5 s)
 * gathered; prints the combined dict; about 1 unit, not 1.5.
 */
final class UserDataExample {

    private static final int USER_ID = 123;
    private static final int POSTS = 3;

    private UserDataExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        LoopFuture<Object> user = ctx.sleep(1).map(v ->
                "{'id': " + USER_ID + ", 'name': " + PyRepr.string("User-" + USER_ID) + "}");
        LoopFuture<Object> posts = ctx.sleep(0.5).map(v -> PyRepr.strings(
                java.util.stream.IntStream.range(0, POSTS).mapToObj(i -> "Post-" + i).toList()));
        return ctx.loop().gather(List.of(user, posts)).map(both -> {
            ctx.print("{'user': " + both.get(0) + ", 'posts': " + both.get(1) + "}");
            return null;
        });
    }
}
