package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.LoopTask;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The seed's {@code get_user_data(123)}: {@code fetch_user} (1 s) and {@code fetch_posts} (0.5 s)
 * gathered; prints the combined dict; about 1 unit, not 1.5.
 */
final class UserDataExample {

    private static final int USER_ID = 123;
    private static final int POSTS = 3;

    private UserDataExample() {
    }

    /** The seed's {@code async def fetch_user(user_id)}. */
    private static Object fetchUser(ExampleContext ctx, int userId) {
        ctx.sleep(1);
        return "{'id': " + userId + ", 'name': " + PyRepr.string("User-" + userId) + "}";
    }

    /** The seed's {@code async def fetch_posts(user_id)}. */
    private static Object fetchPosts(ExampleContext ctx) {
        ctx.sleep(0.5);
        return PyRepr.strings(IntStream.range(0, POSTS).mapToObj(i -> "Post-" + i).toList());
    }

    static void run(ExampleContext ctx) {
        LoopTask<Object> user = ctx.loop().spawnCoroutine("fetch_user", () -> fetchUser(ctx, USER_ID));
        LoopTask<Object> posts = ctx.loop().spawnCoroutine("fetch_posts", () -> fetchPosts(ctx));
        List<Object> both = await(ctx.loop().gather(List.of(user, posts)));
        ctx.print("{'user': " + both.get(0) + ", 'posts': " + both.get(1) + "}");
    }
}
