package dev.concbench.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The delay server's endpoints, as a pure function from a request to a {@link Response}:
 * <ul>
 *   <li>{@code GET /} → 200, a one-line banner;</li>
 *   <li>{@code GET /delay/{ms}} → 200 after {@code ms} milliseconds, body {@code {"delay_ms":ms}};</li>
 *   <li>{@code GET /status/{code}} → that status (200..599), empty body;</li>
 *   <li>{@code GET /bytes/{n}} → 200 with {@code n} bytes, byte {@code i} = {@code i % 251}, so the
 *       body's checksum is known in advance;</li>
 *   <li>anything else → 404, a method other than GET → 405, a bad number → 400.</li>
 * </ul>
 * Bodies are deterministic so a workload's checksum is the same whichever model sent it.
 */
final class Routes {

    static final String BANNER = DelayServerMain.BANNER;
    private static final Response ROOT = Response.constant(Response.text(200, BANNER));

    private final ServerLimits limits;

    Routes(ServerLimits limits) {
        this.limits = limits;
    }

    Response answer(Request request) {
        if (!request.method().equals("GET")) {
            return Response.text(405, "method " + request.method() + " not allowed (GET only)");
        }
        String path = request.path();
        try {
            if (path.equals("/")) {
                return ROOT;
            }
            if (path.startsWith("/delay/")) {
                long ms = number(path, "/delay/", limits.maxDelay().toMillis());
                byte[] body = ("{\"delay_ms\":" + ms + "}").getBytes(StandardCharsets.US_ASCII);
                return new Response(200, "application/json", body, Duration.ofMillis(ms));
            }
            if (path.startsWith("/status/")) {
                long code = number(path, "/status/", 599);
                if (code < 200) {
                    return Response.text(400, "status must be 200..599, was " + code);
                }
                return new Response((int) code, "text/plain", new byte[0], Duration.ZERO);
            }
            if (path.startsWith("/bytes/")) {
                return new Response(200, "application/octet-stream", pattern((int) number(path, "/bytes/", limits.maxBytes())),
                        Duration.ZERO);
            }
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        }
        return Response.text(404, "no such endpoint " + path + " (try /, /delay/{ms}, /status/{code}, /bytes/{n})");
    }

    /** The bytes {@code /bytes/{n}} serves. */
    static byte[] pattern(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private static long number(String path, String prefix, long max) {
        String digits = path.substring(prefix.length());
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + "{n} needs a number, was '" + digits + "'");
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(prefix + "{n} must be 0.." + max + ", was " + n);
        }
        return n;
    }
}
